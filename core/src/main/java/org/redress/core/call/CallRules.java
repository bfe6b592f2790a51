package org.redress.core.call;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redress.core.channel.CallAttributes;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.SenderIdentity;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.Entry;
import org.redress.core.promise.Promise;
import org.redress.core.promise.PromiseExtractor;
import org.redress.core.promise.PromisedTime;
import org.redress.core.staff.Actor;
import org.redress.core.text.KeyTerms;
import org.redress.core.time.BusinessCalendar;
import org.redress.core.triage.Signal;
import org.redress.core.triage.SignalCode;

/**
 * What a phone call becomes at the desk. A missed, abandoned or busy inbound call from a known number is a
 * callback the desk owes, due within the policy's working time. An answered call becomes an entry on the
 * caller's open complaint about the same matter, or a new complaint. What an agent wrote about a call is
 * searched for promises. Three calls from one number within a day are a repeat issue. A callback is kept
 * by an answered call from the desk to the number before it falls due, and broken when the customer has to
 * call again first.
 */
public final class CallRules {

    /**
     * @param callbackWithin working time within which a missed call is called back (for example two hours)
     * @param repeatCalls    calls from one number that make a repeat issue (3)
     * @param repeatWindow   the window they must fall in (24 hours)
     */
    public record Policy(Duration callbackWithin, int repeatCalls, Duration repeatWindow) {
        public static Policy standard() {
            return new Policy(Duration.ofHours(2), 3, Duration.ofHours(24));
        }
    }

    private static final Pattern COMPLAINT_NUMBER = Pattern.compile("#(\\d{1,9})\\b");

    private final Policy policy;
    private final BusinessCalendar calendar;
    private final PromiseExtractor promises;

    public CallRules(Policy policy, BusinessCalendar calendar, PromiseExtractor promises) {
        this.policy = policy;
        this.calendar = calendar;
        this.promises = promises;
    }

    public Policy policy() {
        return policy;
    }

    public static boolean isCall(InboundMessage m) {
        return m.has(CallAttributes.OUTCOME);
    }

    public static boolean isNote(InboundMessage m) {
        return !isCall(m) && m.has(CallAttributes.AGENT);
    }

    /** The outcome in words (missed), as the timeline and the callback promise say it. */
    private static String outcome(InboundMessage call) {
        return call.attribute(CallAttributes.OUTCOME).map(o -> o.name().toLowerCase(java.util.Locale.ROOT)).orElse("");
    }

    private static boolean inbound(InboundMessage call) {
        return call.attribute(CallAttributes.DIRECTION).orElse(CallAttributes.Direction.IN) == CallAttributes.Direction.IN;
    }

    /** Whether the desk owes the caller a call back: an inbound call nobody took, from a number it can call. */
    public boolean owesCallback(InboundMessage call) {
        CallAttributes.Outcome o = call.attribute(CallAttributes.OUTCOME).orElse(CallAttributes.Outcome.ANSWERED);
        return inbound(call) && (o == CallAttributes.Outcome.MISSED || o == CallAttributes.Outcome.ABANDONED
                || o == CallAttributes.Outcome.BUSY)
                && call.sender().kind() != SenderIdentity.Kind.WITHHELD;
    }

    /** The callback promise a missed call creates on the caller's complaint. */
    public Optional<Promise> callback(InboundMessage call, Complaint.Number complaint, Promise.Id id) {
        if (!owesCallback(call)) {
            return Optional.empty();
        }
        Instant due = calendar.plus(call.sentAt(), policy.callbackWithin());
        return Optional.of(new Promise(id, complaint, "desk", "Call back " + call.sender().value() + " (" + outcome(call)
                + " call at " + call.sentAt() + ")", call.sentAt(), due, Promise.Source.MISSED_CALL));
    }

    /** The call as a timeline entry, with the notes written about it. */
    public static Entry.Call entry(InboundMessage call, String notes) {
        return new Entry.Call(call.sentAt(), call.attribute(CallAttributes.CALL_ID).orElse(call.externalId()),
                call.sender().value(), outcome(call), call.attribute(CallAttributes.ANSWERED_BY).map(Actor::agent), notes);
    }

    /**
     * The promises a note makes: the structured callback time when the agent recorded one, otherwise every
     * time its text commits to.
     */
    public List<Promise> promises(InboundMessage note, String language, Complaint.Number complaint,
                                  Supplier<Promise.Id> ids) {
        String agent = note.attribute(CallAttributes.AGENT).orElse("desk");
        List<Promise> found = new ArrayList<>();
        Optional<Instant> structured = note.attribute(CallAttributes.CALLBACK_DUE);
        if (structured.isPresent()) {
            Instant due = structured.get();
            found.add(new Promise(ids.get(), complaint, agent, note.attribute(CallAttributes.CALLBACK_STATED_AS)
                    .orElse("call back"), note.sentAt(), due.isBefore(note.sentAt())
                    ? note.sentAt() : due, Promise.Source.CALL_NOTE));
            return found;
        }
        for (PromisedTime p : promises.extract(note.text(), language, note.sentAt())) {
            found.add(new Promise(ids.get(), complaint, agent, p.sentence(), note.sentAt(), p.due(), Promise.Source.CALL_NOTE));
        }
        return found;
    }

    /**
     * A repeat issue when this call and the caller's earlier ones reach the policy's count within its window.
     *
     * @param earlier when the same number called before
     */
    public Optional<Signal> repeatIssue(InboundMessage call, List<Instant> earlier) {
        if (!inbound(call) || call.sender().kind() == SenderIdentity.Kind.WITHHELD) {
            return Optional.empty();
        }
        Instant from = call.sentAt().minus(policy.repeatWindow());
        long n = 1 + earlier.stream().filter(t -> t.isAfter(from) && !t.isAfter(call.sentAt())).count();
        if (n < policy.repeatCalls()) {
            return Optional.empty();
        }
        return Optional.of(Signal.of(SignalCode.REPEAT_ISSUE, n + " calls from " + call.sender().value() + " within "
                + policy.repeatWindow().toHours() + " hours"));
    }

    /**
     * The caller's open complaint this call is about: the one its notes name ({@code #1042}), else the one
     * sharing the most key terms with the notes (two at least), else none (open a new complaint).
     */
    public static Optional<Complaint> sameMatter(String notes, List<Complaint> openOfCaller) {
        Matcher m = COMPLAINT_NUMBER.matcher(notes);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            Optional<Complaint> named = openOfCaller.stream().filter(c -> c.number().value() == n).findFirst();
            if (named.isPresent()) {
                return named;
            }
        }
        var terms = KeyTerms.of(notes);
        return openOfCaller.stream()
                .filter(c -> c.status().isOpen())
                .map(c -> new Object[] {c, KeyTerms.shared(terms, KeyTerms.of(c.subject() + " " + firstText(c)))})
                .filter(x -> (int) x[1] >= 2)
                .max(Comparator.comparingInt((Object[] x) -> (int) x[1]))
                .map(x -> (Complaint) x[0]);
    }

    private static String firstText(Complaint c) {
        for (Entry e : c.timeline()) {
            if (e instanceof Entry.CustomerMessage in) {
                return in.text();
            }
            if (e instanceof Entry.Call call) {
                return call.notes();
            }
        }
        return "";
    }

    /**
     * Settles the open callbacks owed to a number when a new call with it comes in: an answered call from the
     * desk to the number keeps them; the customer calling in first breaks them.
     *
     * @return the promises settled
     */
    public List<Promise> settleCallbacks(InboundMessage call, List<Promise> openCallbacksToNumber) {
        List<Promise> settled = new ArrayList<>();
        boolean deskReached = !inbound(call) && outcome(call).equals("answered");
        for (Promise p : openCallbacksToNumber) {
            if (p.state() != Promise.State.OPEN || !call.sentAt().isAfter(p.madeAt())) {
                continue;
            }
            if (deskReached) {
                p.keep(call.sentAt());
                settled.add(p);
            } else if (inbound(call) && call.sentAt().isBefore(p.due())) {
                p.breakEarly(call.sentAt());
                settled.add(p);
            }
        }
        return settled;
    }
}
