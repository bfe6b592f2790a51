package org.redress.app.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.redress.app.store.Complaints;
import org.redress.app.store.CustomerBook;
import org.redress.app.store.Inbox;
import org.redress.app.store.Promises;
import org.redress.app.store.Tx;
import org.redress.core.call.CallRules;
import org.redress.core.channel.CallAttributes;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.SenderIdentity;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.Entry;
import org.redress.core.escalation.Escalator;
import org.redress.core.promise.Promise;
import org.redress.core.promise.PromiseEvent;
import org.redress.core.triage.Signal;

/**
 * What a phone call does at the desk, by core's {@link CallRules}: a missed, abandoned or busy call from a number
 * the desk can call is a callback promise due within the policy's working time, on the caller's open complaint or
 * on a new one that says so, not a complaint per call; an answered call joins the caller's open complaint about the
 * same matter, or opens one; three calls from one number in a day raise a repeat issue; the desk calling the number
 * back keeps the callback, the customer calling first breaks it (and escalates, as a broken promise does). Failed,
 * internal and withheld missed calls are logged, not made complaints. Runs in the batch's transaction.
 */
final class CallIntake {

    /** What became of a call: the complaint it is on, if any, and the disposition intake records. */
    record Stored(Long complaint, String disposition, boolean created) {
    }

    /** Opens a complaint whose first entry is this call, and returns its number. */
    @FunctionalInterface
    interface Opener {
        long open(Tx tx, InboundMessage call, Entry first, String subject);
    }

    private final Complaints complaints;
    private final Promises promises;
    private final CallRules rules;
    private final Escalator escalator;

    CallIntake(Complaints complaints, Promises promises, CallRules rules, Escalator escalator) {
        this.complaints = complaints;
        this.promises = promises;
        this.rules = rules;
        this.escalator = escalator;
    }

    Stored store(Tx tx, InboundMessage call, Opener opener, Instant now) {
        boolean inbound = call.attribute(CallAttributes.DIRECTION).orElse(CallAttributes.Direction.IN) == CallAttributes.Direction.IN;
        boolean answered = call.attribute(CallAttributes.OUTCOME).orElse(null) == CallAttributes.Outcome.ANSWERED;
        if (call.sender().kind() == SenderIdentity.Kind.WITHHELD) {
            // nobody to call back or to recognise: an answered call from a withheld number still opens a complaint
            return answered && inbound ? opened(tx, call, opener) : new Stored(null, "call-log", false);
        }
        long customer = CustomerBook.customerOf(tx, call.sender(), now);
        List<Promises.Stored> callbacks = promises.openCallbacks(tx, customer);
        if (!inbound) {
            return answered ? calledBack(tx, call, callbacks, customer) : new Stored(null, "call-log", false);
        }
        if (!answered && !rules.owesCallback(call)) {
            return new Stored(null, "call-log", false);
        }
        // the customer had to call again before the desk called back: the callback is broken
        for (Promises.Stored cb : callbacks) {
            if (cb.promise().due().isAfter(call.sentAt()) && cb.promise().madeAt().isBefore(call.sentAt())) {
                broken(tx, cb, call.sentAt());
            }
        }
        List<Complaint> open = complaints.openOf(tx, customer).stream().map(Complaints.Loaded::complaint).toList();
        Optional<Complaint> target = answered ? CallRules.sameMatter(call.text(), open)
                : open.isEmpty() ? Optional.empty() : Optional.of(open.get(open.size() - 1));
        List<Instant> earlier = Complaints.callsFrom(tx, call.sender().value(), call.sentAt().minus(rules.policy().repeatWindow()));
        Stored stored;
        if (target.isPresent()) {
            long n = target.get().number().value();
            Inbox.reference(tx, call.externalId(), n);
            complaints.changeNow(tx, n, c -> c.append(CallRules.entry(call, "")));
            stored = new Stored(n, "follow-up", false);
        } else {
            stored = opened(tx, call, opener);
        }
        Optional<Signal> repeat = rules.repeatIssue(call, earlier);
        if (repeat.isPresent()) {
            complaints.changeNow(tx, stored.complaint(), c -> {
                if (!c.has(repeat.get().code())) {
                    c.addSignals(List.of(repeat.get()), call.sentAt());
                    escalator.on(c, List.of(repeat.get()));
                }
            });
        }
        rules.callback(call, new Complaint.Number(stored.complaint()), new Promise.Id(0)).ifPresent(p ->
                promises.add(tx, p.complaint(), p.owner(), p.text(), p.madeAt(), p.due(), p.source()));
        return stored;
    }

    private Stored opened(Tx tx, InboundMessage call, Opener opener) {
        String subject = rules.owesCallback(call) ? "Call back " + call.sender().value() + " (" + call.attribute(CallAttributes.OUTCOME)
                .map(o -> o.name().toLowerCase(java.util.Locale.ROOT)).orElse("") + " call)" : DeskIntake.subjectOf(call);
        return new Stored(opener.open(tx, call, CallRules.entry(call, ""), subject), "complaint", true);
    }

    /** The desk called the number and got through: its open callbacks are kept, the call goes on their complaint. */
    private Stored calledBack(Tx tx, InboundMessage call, List<Promises.Stored> callbacks, long customer) {
        Long on = null;
        for (Promises.Stored cb : callbacks) {
            cb.promise().keep(call.sentAt());
            promises.save(tx, cb, cb.promise());
            on = cb.promise().complaint().value();
        }
        if (on == null) {
            List<Complaints.Loaded> open = complaints.openOf(tx, customer);
            on = open.isEmpty() ? null : open.get(open.size() - 1).complaint().number().value();
        }
        if (on == null) {
            return new Stored(null, "call-log", false);
        }
        long n = on;
        Inbox.reference(tx, call.externalId(), n);
        complaints.changeNow(tx, n, c -> c.append(CallRules.entry(call, "")));
        return new Stored(n, "follow-up", false);
    }

    private void broken(Tx tx, Promises.Stored cb, Instant at) {
        Promise p = cb.promise();
        p.breakEarly(at);
        promises.save(tx, cb, p);
        complaints.changeNow(tx, p.complaint().value(), c -> {
            c.append(new Entry.SystemEvent(at, "promise-broken", "Promise broken: \"" + p.text() + "\" (the customer called again first)"));
            escalator.on(c, new PromiseEvent.Broken(p));
        });
    }

    /** The promises an agent's note about a call makes, on the complaint the note joined. */
    void notePromises(Tx tx, InboundMessage note, String language, long complaint) {
        List<Promise> found = new ArrayList<>(rules.promises(note, language, new Complaint.Number(complaint), () -> new Promise.Id(0)));
        for (Promise p : found) {
            promises.add(tx, p.complaint(), p.owner(), p.text(), p.madeAt(), p.due(), p.source());
        }
    }
}
