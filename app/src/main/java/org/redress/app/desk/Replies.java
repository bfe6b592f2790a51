package org.redress.app.desk;

import org.redress.core.complaint.AuditAction;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.redress.app.store.Complaints;
import org.redress.app.store.Promises;
import org.redress.core.complaint.AuditRecord;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.Entry;
import org.redress.core.guard.ReplyGuard;
import org.redress.core.promise.Promise;
import org.redress.core.staff.Actor;

/**
 * An agent's reply to a customer: checked by the reply guard before anything is stored; a reply with blocking
 * findings is refused unless the agent overrides them with a reason, which is audited. A reply that goes out
 * is stored on the complaint (its ETA restarting the next-update clock), every promise in it is tracked, and
 * it is owed to the customer through the complaint's channel, all in one transaction.
 */
public final class Replies {

    /** What became of a reply. */
    public sealed interface Outcome {
    }

    /** Refused: the guard's blocking findings, for the agent to fix or override. */
    public record Refused(ReplyGuard.Result check) implements Outcome {
    }

    /** Stored and owed to the customer. */
    public record Sent(Complaint complaint, ReplyGuard.Result check, List<Promise> promises, String replyId) implements Outcome {
    }

    private final Complaints complaints;
    private final Promises promises;
    private final ReplyGuard guard;
    private final Clock clock;
    private final Doorbell doorbell;

    private final Answering answering;

    /** Run before each check: brings in phrases another node's admin added. */
    private final Runnable fresh;

    Replies(Complaints complaints, Promises promises, ReplyGuard guard, Clock clock, Doorbell doorbell, Answering answering,
            Runnable fresh) {
        this.fresh = fresh;
        this.answering = answering;
        this.doorbell = doorbell;
        this.complaints = complaints;
        this.promises = promises;
        this.guard = guard;
        this.clock = clock;
    }

    public ReplyGuard guard() {
        return guard;
    }

    /** The guard's verdict on a draft for this complaint, without storing anything (the composer's live check). */
    public ReplyGuard.Result check(Complaint c, String text) {
        return check(c, text, Optional.empty());
    }

    /**
     * The verdict on a draft that carries an ETA picked beside the text (the composer's picker): that time is the
     * reply's promise, so the draft is not missing one even when its words name no time.
     */
    public ReplyGuard.Result check(Complaint c, String text, Optional<Instant> eta) {
        return check(c, text, eta, false);
    }

    /**
     * As {@link #check(Complaint, String, Optional)}, for a reply sent privately even where the customer spoke in
     * public ({@code privately}); a public answer is checked for personal data.
     */
    public ReplyGuard.Result check(Complaint c, String text, Optional<Instant> eta, boolean privately) {
        fresh.run();
        ReplyGuard.Result r = guard.check(text, c.language().orElse("en"), context(c, answersInPublic(c, privately)));
        if (eta.isEmpty()) {
            return r;
        }
        return new ReplyGuard.Result(r.language(), r.findings().stream().filter(f -> f.code() != ReplyGuard.Code.MISSING_ETA).toList(),
                r.promises(), r.steps());
    }

    /**
     * @param override the agent's reason for sending despite blocking findings, or empty
     */
    public Outcome reply(long number, long expectedVersion, Actor agent, String text, Optional<Instant> eta,
                         Optional<String> override) {
        return reply(number, expectedVersion, agent, text, eta, override, false);
    }

    /**
     * A reply; where the customer last spoke in public it is posted there as an answer to their post (the channel
     * splits it by the network's length), unless the agent sends it {@code privately}.
     */
    public Outcome reply(long number, long expectedVersion, Actor agent, String text, Optional<Instant> eta,
                         Optional<String> override, boolean privately) {
        Complaint seen = complaints.require(number).complaint();
        Answering.lastInbound(seen).map(Entry.CustomerMessage::from).filter(Answering::takesNoAnswers).ifPresent(a -> {
            throw new IllegalStateException("the customer wrote from " + a + ", an address that takes no answers: call them, or "
                    + "note what you would have written and the way you reached them");
        });
        ReplyGuard.Result check = check(seen, text, eta, privately);
        boolean inPublic = answersInPublic(seen, privately);
        if (check.blocked() && override.filter(r -> !r.isBlank()).isEmpty()) {
            return new Refused(check);
        }
        Instant now = clock.instant();
        String replyId = "reply-" + number + "-" + now.toEpochMilli() + "-" + Integer.toHexString(text.hashCode());
        List<Promise>[] made = new List[] {List.of()};
        @SuppressWarnings("unchecked")
        Optional<String>[] owedThrough = new Optional[] {Optional.empty()};
        Complaint after = complaints.change(number, expectedVersion, c -> {
            c.append(new Entry.Reply(now, agent, text, eta));
            // the playbook moves with what the reply does: a recap waits for the customer's yes, an apology is counted,
            // empathy is noted
            if (check.takes(ReplyGuard.Step.RECAP)) {
                c.recapSent(agent, now);
            }
            if (check.takes(ReplyGuard.Step.APOLOGY)) {
                c.apologised(agent, now);
            }
            if (check.takes(ReplyGuard.Step.EMPATHY)) {
                c.empathyShown(agent, now);
            }
        }, (tx, c) -> {
            if (check.blocked()) {
                Complaints.audit(tx, number, new AuditRecord(now, agent, AuditAction.GUARD_OVERRIDE, "",
                        String.join(",", check.findings().stream().filter(f -> f.severity() == ReplyGuard.Severity.BLOCK)
                                .map(f -> f.code().name()).toList()), override.orElse("")));
            }
            if (eta.isPresent()) {
                // the time the agent picked beside the text is the promise: it wins over a time read from the words
                // (which may be a date the customer gave, or a misreading); the words that name a time say what it is
                String what = check.promises().isEmpty() ? "next update by " + eta.get() : check.promises().get(0).sentence();
                made[0] = List.of(promises.add(tx, c.number(), agent.id(), what, now, eta.get().isBefore(now) ? now : eta.get(),
                        Promise.Source.REPLY));
            } else {
                made[0] = check.promises().stream().map(p -> promises.add(tx, c.number(), agent.id(), p.sentence(), now,
                        p.due().isBefore(now) ? now : p.due(), Promise.Source.REPLY)).toList();
            }
            owedThrough[0] = answering.owe(tx, c, replyId, text, now, inPublic);
            if (owedThrough[0].isEmpty()) {
                complaints.answered(tx, c.number().value(), "in person", now);
            }
        });
        owedThrough[0].ifPresent(doorbell::ring);
        return new Sent(after, check, made[0], replyId);
    }

    private ReplyGuard.Context context(Complaint c, boolean inPublic) {
        return new ReplyGuard.Context(c.status().isOpen(), c.playbook().apologies() > 0, inPublic, clock.instant());
    }

    /** Whether a reply goes out in public: where the customer last spoke in public, unless the agent chose privately. */
    public static boolean answersInPublic(Complaint c, boolean privately) {
        return !privately && Answering.lastInbound(c).map(Entry.CustomerMessage::inPublic).orElse(false);
    }
}
