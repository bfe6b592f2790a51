package org.redress.core.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.core.Fixtures.local;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.redress.core.Fixtures;
import org.redress.core.channel.CallAttributes;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.RawSource;
import org.redress.core.channel.SenderIdentity;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.Entry;
import org.redress.core.promise.Promise;
import org.redress.core.promise.PromiseExtractor;
import org.redress.core.triage.SignalCode;

class CallRulesTest {

    final CallRules rules = new CallRules(CallRules.Policy.standard(), Fixtures.CALENDAR,
            new PromiseExtractor(Fixtures.CALENDAR));
    final Complaint.Number complaint = new Complaint.Number(42);
    final AtomicLong ids = new AtomicLong();

    static InboundMessage call(String id, String number, String outcome, String direction, Instant at) {
        return InboundMessage.builder(id)
                .sender(number.equals("withheld") ? SenderIdentity.withheld("") : SenderIdentity.phone(number, ""))
                .sentAt(at).text("call").attribute(CallAttributes.OUTCOME.key(), outcome)
                .attribute(CallAttributes.DIRECTION.key(), direction).attribute(CallAttributes.CALL_ID.key(), id)
                .raw(new RawSource("Master.csv line 1", "text/csv", new byte[] {1})).build();
    }

    static InboundMessage note(String text, String callbackDue, Instant at) {
        return InboundMessage.builder("note:" + text.hashCode())
                .sender(SenderIdentity.phone("+40721000001", "")).sentAt(at).text(text)
                .attribute(CallAttributes.AGENT.key(), "201").attribute(CallAttributes.CALLBACK_DUE.key(), callbackDue)
                .raw(new RawSource("notes.jsonl line 1", "application/json", new byte[] {1})).build();
    }

    @Test
    void a_missed_call_is_a_callback_due_within_two_working_hours() {
        // Monday 16:30 missed: two working hours end Tuesday 10:30
        Promise p = rules.callback(call("c1", "+40721000001", "missed", "in", local("2026-11-23T16:30")), complaint,
                new Promise.Id(1)).orElseThrow();
        assertThat(p.due()).isEqualTo(local("2026-11-24T10:30"));
        assertThat(p.source()).isEqualTo(Promise.Source.MISSED_CALL);
        assertThat(rules.callback(call("c2", "+40721000001", "abandoned", "in", local("2026-11-23T10:00")), complaint,
                new Promise.Id(2))).isPresent();
        assertThat(rules.callback(call("c3", "withheld", "missed", "in", local("2026-11-23T10:00")), complaint,
                new Promise.Id(3))).as("no number to call back").isEmpty();
        assertThat(rules.callback(call("c4", "+40721000001", "answered", "in", local("2026-11-23T10:00")), complaint,
                new Promise.Id(4))).isEmpty();
        assertThat(rules.callback(call("c5", "+40721000001", "failed", "out", local("2026-11-23T10:00")), complaint,
                new Promise.Id(5))).isEmpty();
    }

    @Test
    void notes_promise_the_structured_callback_or_what_their_text_commits_to() {
        List<Promise> structured = rules.promises(note("Will call back tomorrow before 12:00.", "2026-11-24T10:00:00Z",
                local("2026-11-23T10:00")), "en", complaint, () -> new Promise.Id(ids.incrementAndGet()));
        assertThat(structured).singleElement().satisfies(p -> assertThat(p.due()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z")));
        List<Promise> fromText = rules.promises(note("Refund raised. I told her I will call back tomorrow before 12:00.",
                null, local("2026-11-23T10:00")), "en", complaint, () -> new Promise.Id(ids.incrementAndGet()));
        assertThat(fromText).singleElement().satisfies(p -> {
            assertThat(p.due()).isEqualTo(local("2026-11-24T12:00"));
            assertThat(p.owner()).isEqualTo("201");
            assertThat(p.text()).isEqualTo("I told her I will call back tomorrow before 12:00.");
        });
    }

    @Test
    void three_calls_from_one_number_within_a_day_are_a_repeat_issue() {
        InboundMessage third = call("c3", "+40721000001", "missed", "in", local("2026-11-23T18:00"));
        assertThat(rules.repeatIssue(third, List.of(local("2026-11-22T19:00"), local("2026-11-23T09:00"))))
                .hasValueSatisfying(s -> {
                    assertThat(s.code()).isEqualTo(SignalCode.REPEAT_ISSUE);
                    assertThat(s.evidence()).isEqualTo("3 calls from +40721000001 within 24 hours");
                });
        assertThat(rules.repeatIssue(third, List.of(local("2026-11-22T17:00"), local("2026-11-23T09:00")))).isEmpty();
    }

    @Test
    void an_answered_call_joins_the_open_complaint_about_the_same_matter() {
        Complaint parcel = Fixtures.complaint(7, 1, "delivery", local("2026-11-20T10:00"), List.of());
        Complaint invoice = Complaint.receive(new Complaint.Number(8), parcel.customer(), "email", "Invoice charged twice",
                parcel.category(), parcel.priority(), "en", List.of(), new Entry.CustomerMessage(local("2026-11-21T10:00"), "email",
                        "m8", "a@b.c", "My invoice for March was charged twice to my card.", false));
        assertThat(CallRules.sameMatter("Customer says the March invoice was charged twice, card statement sent",
                List.of(parcel, invoice))).contains(invoice);
        assertThat(CallRules.sameMatter("About #7 again", List.of(parcel, invoice))).contains(parcel);
        assertThat(CallRules.sameMatter("Asked about opening hours", List.of(parcel, invoice))).isEmpty();
        Entry.Call entry = CallRules.entry(call("c9", "+40721000001", "answered", "in", local("2026-11-23T10:00")), "notes");
        assertThat(entry.callId()).isEqualTo("c9");
        assertThat(entry.notes()).isEqualTo("notes");
    }

    @Test
    void a_callback_is_kept_by_the_desk_reaching_the_customer_and_broken_when_they_call_first() {
        Promise owed = rules.callback(call("m1", "+40721000001", "missed", "in", local("2026-11-23T10:00")), complaint,
                new Promise.Id(1)).orElseThrow();
        assertThat(rules.settleCallbacks(call("o1", "+40721000001", "answered", "out", local("2026-11-23T11:00")),
                List.of(owed))).containsExactly(owed);
        assertThat(owed.state()).isEqualTo(Promise.State.KEPT);

        Promise chased = rules.callback(call("m2", "+40721000001", "missed", "in", local("2026-11-23T13:00")), complaint,
                new Promise.Id(2)).orElseThrow();
        rules.settleCallbacks(call("i2", "+40721000001", "abandoned", "in", local("2026-11-23T14:00")), List.of(chased));
        assertThat(chased.state()).as("the customer had to call again").isEqualTo(Promise.State.BROKEN);
    }
}
