package org.redress.app.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.app.store.ConcurrentChangeException;
import org.redress.app.store.Outbound;
import org.redress.core.complaint.AuditAction;
import org.redress.core.complaint.AuditRecord;
import org.redress.core.complaint.Entry;
import org.redress.core.guard.ReplyGuard;
import org.redress.core.promise.Promise;
import org.redress.core.staff.Actor;

/** The reply use case: guarded before anything is stored, then stored, promised and owed in one change. */
class RepliesTest {

    static final Actor ANA = Actor.agent("ana");

    @TempDir
    Path dir;
    DeskFixture f;
    long number;

    @BeforeEach
    void desk() {
        f = new DeskFixture(dir);
        number = f.complaint("olga@customer.example", "Parcel never arrived", "My parcel never arrived and nobody answers.");
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void a_reply_with_a_blocking_finding_is_refused_and_nothing_is_stored() {
        long before = f.version(number);
        Replies.Outcome outcome = f.desk.replies().reply(number, before, ANA, "I don't know where your parcel is.",
                Optional.empty(), Optional.empty());

        assertThat(outcome).isInstanceOf(Replies.Refused.class);
        ReplyGuard.Result check = ((Replies.Refused) outcome).check();
        assertThat(check.blocked()).isTrue();
        assertThat(check.findings()).extracting(ReplyGuard.Finding::code).contains(ReplyGuard.Code.ADMITS_NOT_KNOWING);
        assertThat(f.version(number)).as("the complaint is untouched").isEqualTo(before);
        assertThat(f.owed()).extracting(Outbound.Owed::replyId).as("only the acknowledgement is owed").containsExactly("ack-" + number);
    }

    @Test
    void an_override_with_a_reason_sends_the_reply_and_audits_the_override() {
        Replies.Outcome outcome = f.desk.replies().reply(number, f.version(number), ANA, "I don't know where your parcel is yet.",
                Optional.of(Instant.parse("2026-11-25T12:00:00Z")), Optional.of("the customer asked for honesty"));

        assertThat(outcome).isInstanceOf(Replies.Sent.class);
        var c = f.desk.complaints().require(number).complaint();
        assertThat(c.audit()).filteredOn(a -> a.is(AuditAction.GUARD_OVERRIDE)).singleElement()
                .satisfies(a -> {
                    assertThat(a.actor()).isEqualTo(ANA);
                    assertThat(a.after()).contains("ADMITS_NOT_KNOWING");
                    assertThat(a.reason()).isEqualTo("the customer asked for honesty");
                });
        assertThat(f.owed()).extracting(Outbound.Owed::text).contains("I don't know where your parcel is yet.");
    }

    @Test
    void the_eta_picked_beside_a_reply_is_a_tracked_promise_and_the_reply_is_owed_to_the_customer() {
        Instant eta = Instant.parse("2026-11-25T12:00:00Z");
        Replies.Sent sent = (Replies.Sent) f.desk.replies().reply(number, f.version(number), ANA,
                "I am sorry your parcel is late. I have asked the courier to trace it.", Optional.of(eta), Optional.empty());

        assertThat(sent.promises()).singleElement().satisfies(p -> {
            assertThat(p.due()).isEqualTo(eta);
            assertThat(p.owner()).isEqualTo("ana");
            assertThat(p.source()).isEqualTo(Promise.Source.REPLY);
        });
        assertThat(f.desk.promises().of(number)).extracting(s -> s.promise().state()).containsExactly(Promise.State.OPEN);
        assertThat(sent.complaint().entries(Entry.Reply.class)).singleElement().satisfies(r -> assertThat(r.eta()).contains(eta));
        Outbound.Owed owed = f.owed().stream().filter(o -> o.replyId().equals(sent.replyId())).findFirst().orElseThrow();
        assertThat(owed.recipient().value()).isEqualTo("olga@customer.example");
        assertThat(owed.subject()).endsWith("[#" + number + "]");
        assertThat(owed.automatic()).isFalse();
    }

    @Test
    void a_reply_made_against_a_stale_version_is_refused_with_a_conflict() {
        long stale = f.version(number);
        f.desk.casework().note(number, stale, ANA, "checking with the courier");

        assertThatThrownBy(() -> f.desk.replies().reply(number, stale, ANA, "We are on it and will write by tomorrow 12:00.",
                Optional.empty(), Optional.empty())).isInstanceOf(ConcurrentChangeException.class);
        assertThat(f.desk.complaints().require(number).complaint().audit()).extracting(AuditRecord::action).doesNotContain("guard-override");
    }

    @Test
    void the_eta_picked_beside_a_reply_wins_over_a_time_read_from_its_words() {
        Instant eta = Instant.parse("2026-11-26T15:00:00Z");
        Replies.Sent sent = (Replies.Sent) f.desk.replies().reply(number, f.version(number), ANA,
                "I am sorry for the delay. Please write to ana.pop@example.ro by 2026-12-03 10:00 if the courier has not called.",
                Optional.of(eta), Optional.empty());

        assertThat(sent.promises()).singleElement().satisfies(p -> {
            assertThat(p.due()).isEqualTo(eta);
            assertThat(p.text()).as("the sentence, not a piece of the address").startsWith("Please write to ana.pop@example.ro");
        });
    }
}
