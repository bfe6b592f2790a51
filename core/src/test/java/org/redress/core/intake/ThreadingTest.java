package org.redress.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.redress.core.channel.Automation;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.RawSource;
import org.redress.core.channel.SenderIdentity;
import org.redress.core.complaint.Complaint;

class ThreadingTest {

    static final Complaint.Number ANAS = new Complaint.Number(1042);
    static final Complaint.Number BOBS = new Complaint.Number(7);

    final Threading threading = new Threading(new Threading.Conversations() {
        final Map<String, Complaint.Number> ids = Map.of("desk-reply-1@desk.example", ANAS, "ana-first@customer.example", ANAS,
                "bob-first@customer.example", BOBS);

        @Override
        public Optional<Complaint.Number> complaintOf(String externalId) {
            return Optional.ofNullable(ids.get(externalId));
        }

        @Override
        public boolean exists(Complaint.Number number) {
            return Set.of(ANAS, BOBS).contains(number);
        }

        @Override
        public boolean isParticipant(Complaint.Number number, SenderIdentity sender) {
            return number.equals(ANAS) ? sender.value().equals("ana@customer.example") : sender.value().equals("bob@customer.example");
        }
    });

    static InboundMessage mail(String from, String tag, List<String> refs, Automation automated) {
        InboundMessage.Builder b = InboundMessage.builder("m-" + from + refs.hashCode() + tag)
                .sender(SenderIdentity.email(from, "")).sentAt(Instant.EPOCH).subject("Re: parcel").text("text")
                .threadReferences(refs).automated(automated)
                .raw(new RawSource("x", "message/rfc822", new byte[] {1}));
        if (tag != null) {
            b.attribute(InboundMessage.COMPLAINT_REF, Long.valueOf(tag));
        }
        return b.build();
    }

    @Test
    void a_subject_tag_threads_when_the_sender_takes_part() {
        assertThat(threading.decide(mail("ana@customer.example", "1042", List.of(), null)))
                .isEqualTo(new Threading.FollowUp(ANAS, "it names [#1042] and ana@customer.example takes part in it"));
    }

    @Test
    void a_subject_tag_of_someone_elses_complaint_is_ignored() {
        Threading.Decision d = threading.decide(mail("mallory@evil.example", "1042", List.of(), null));
        assertThat(d).isInstanceOf(Threading.NewComplaint.class);
        assertThat(d.reason()).contains("takes no part in it");
    }

    @Test
    void references_thread_nearest_first_against_inbound_and_outbound_ids() {
        assertThat(threading.decide(mail("ana@customer.example", null, List.of("unknown@x", "desk-reply-1@desk.example",
                "bob-first@customer.example"), null))).isEqualTo(new Threading.FollowUp(ANAS, "it refers to <desk-reply-1@desk.example>"));
        assertThat(threading.decide(mail("ana@customer.example", null, List.of("ana-first@customer.example"), null)))
                .isInstanceOf(Threading.FollowUp.class);
    }

    @Test
    void machine_mail_never_makes_a_complaint() {
        Automation bounce = new Automation(Automation.Kind.BOUNCE, "multipart/report");
        assertThat(threading.decide(mail("mailer-daemon@mx.example", null, List.of("desk-reply-1@desk.example"), bounce)))
                .isInstanceOf(Threading.SystemEntry.class).extracting(d -> ((Threading.SystemEntry) d).complaint()).isEqualTo(ANAS);
        assertThat(threading.decide(mail("mailer-daemon@mx.example", null, List.of("nothing@x"), bounce)))
                .isInstanceOf(Threading.Parked.class);
    }
}
