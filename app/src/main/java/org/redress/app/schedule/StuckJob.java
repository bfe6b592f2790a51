package org.redress.app.schedule;

import org.redress.core.escalation.Trigger;
import org.redress.core.complaint.AuditAction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.redress.app.store.Complaints;
import org.redress.app.store.ConcurrentChangeException;
import org.redress.app.store.Database;
import org.redress.app.store.Watchlist;
import org.redress.core.complaint.AuditRecord;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.Entry;
import org.redress.core.escalation.Escalator;
import org.redress.core.escalation.StuckDetector;

/**
 * Stuck complaints (no progress for too long, reopened again and again, the customer keeps writing): core's
 * {@link StuckDetector} decides, and the complaint escalates once per stuck spell: not again until somebody
 * made progress on it since the last such escalation.
 */
public final class StuckJob implements Job {

    private final Database database;
    private final Watchlist watchlist;
    private final Complaints complaints;
    private final StuckDetector detector;
    private final Escalator escalator;
    private final Duration recheck;
    private final Duration every;

    /** @param recheck how long a complaint found not stuck is left alone before it is looked at again */
    public StuckJob(Database database, Watchlist watchlist, Complaints complaints, StuckDetector detector, Escalator escalator, Duration recheck,
                    Duration every) {
        this.database = database;
        this.watchlist = watchlist;
        this.complaints = complaints;
        this.detector = detector;
        this.escalator = escalator;
        this.recheck = recheck;
        this.every = every;
    }

    @Override
    public String name() {
        return "stuck";
    }

    @Override
    public Duration every() {
        return every;
    }

    @Override
    public int run(Instant now) {
        List<Long> candidates = watchlist.stuckCandidates(now.minus(recheck), 500);
        int escalated = 0;
        for (long number : candidates) {
            try {
                escalated += database.inTransaction(h -> {
                    int[] n = {0};
                    complaints.changeNow(h, number, c -> detector.check(c, now).filter(t -> !alreadyEscalatedForIt(c))
                            .ifPresent(t -> escalator.on(c, t).ifPresent(e -> n[0]++)));
                    Complaints.stuckChecked(h, number, now);
                    return n[0];
                });
            } catch (ConcurrentChangeException e) {
                // changed at this moment: it made progress, or the next run looks again
            }
        }
        return escalated;
    }

    /** Whether the last stuck escalation came after the last progress (a reply or a transition). */
    static boolean alreadyEscalatedForIt(Complaint c) {
        Instant lastStuck = null;
        for (AuditRecord r : c.audit()) {
            if (r.is(AuditAction.ESCALATE) && Trigger.Kind.ofReason(r.reason()) == Trigger.Kind.STUCK) {
                lastStuck = r.at();
            }
        }
        if (lastStuck == null) {
            return false;
        }
        Instant since = lastStuck;
        boolean progress = c.audit().stream().anyMatch(r -> r.is(AuditAction.TRANSITION) && r.at().isAfter(since))
                || c.entries(Entry.Reply.class).stream().anyMatch(r -> r.at().isAfter(since));
        return !progress;
    }
}
