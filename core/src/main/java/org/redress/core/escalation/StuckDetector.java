package org.redress.core.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.redress.core.complaint.AuditAction;
import org.redress.core.complaint.AuditRecord;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.Entry;
import org.redress.core.time.BusinessCalendar;

/**
 * Finds complaints that stall: no progress (no reply, no transition) for a number of working hours, reopened
 * too often, or contacted about again and again. Stalling is the moment to ask someone more experienced.
 */
public final class StuckDetector {

    private final Duration noProgress;
    private final int reopenLimit;
    private final int contactLimit;
    private final BusinessCalendar calendar;

    /**
     * @param noProgress   working time without progress that makes a complaint stuck
     * @param reopenLimit  reopenings that make it stuck (2: "reopened twice or more")
     * @param contactLimit customer contacts that make it stuck (3: "three or more contacts")
     */
    public StuckDetector(Duration noProgress, int reopenLimit, int contactLimit, BusinessCalendar calendar) {
        this.noProgress = noProgress;
        this.reopenLimit = reopenLimit;
        this.contactLimit = contactLimit;
        this.calendar = calendar;
    }

    public Optional<Trigger.Stuck> check(Complaint complaint, Instant now) {
        if (!complaint.status().isOpen()) {
            return Optional.empty();
        }
        if (complaint.reopenCount() >= reopenLimit) {
            return Optional.of(new Trigger.Stuck("reopened " + complaint.reopenCount() + " times"));
        }
        if (complaint.customerContacts() >= contactLimit) {
            return Optional.of(new Trigger.Stuck("the customer got in touch " + complaint.customerContacts()
                    + " times about it"));
        }
        Instant last = lastProgress(complaint);
        Duration idle = calendar.between(last, now);
        if (idle.compareTo(noProgress) >= 0) {
            return Optional.of(new Trigger.Stuck("no progress for " + idle.toHours() + " working hours"));
        }
        return Optional.empty();
    }

    private static Instant lastProgress(Complaint c) {
        Instant last = c.receivedAt();
        for (Entry e : c.timeline()) {
            if (e instanceof Entry.Reply && e.at().isAfter(last)) {
                last = e.at();
            }
        }
        for (AuditRecord r : c.audit()) {
            if (r.is(AuditAction.TRANSITION) && r.at().isAfter(last)) {
                last = r.at();
            }
        }
        return last;
    }
}
