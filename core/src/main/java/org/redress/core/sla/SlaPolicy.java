package org.redress.core.sla;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.redress.core.complaint.Priority;
import org.redress.core.time.BusinessCalendar;

/**
 * Targets per priority on a business calendar, and the share of a target at which a warning is raised.
 */
public record SlaPolicy(Map<Priority, SlaTargets> targets, double warnAt, BusinessCalendar calendar) {

    public SlaPolicy {
        targets = new EnumMap<>(targets);
        for (Priority p : Priority.values()) {
            if (!targets.containsKey(p)) {
                throw new IllegalArgumentException("the SLA policy has no targets for priority " + p);
            }
        }
        if (warnAt <= 0 || warnAt >= 1) {
            throw new IllegalArgumentException("warnAt must be between 0 and 1 (for example 0.8), got " + warnAt);
        }
    }

    /** A common starting point: P1 acknowledged in 15 minutes, resolved in 8 working hours; P4 in 5 days. */
    public static SlaPolicy standard(BusinessCalendar calendar) {
        Map<Priority, SlaTargets> t = new EnumMap<>(Priority.class);
        t.put(Priority.P1, new SlaTargets(Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(8)));
        t.put(Priority.P2, new SlaTargets(Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(24)));
        t.put(Priority.P3, new SlaTargets(Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(16), Duration.ofHours(40)));
        t.put(Priority.P4, new SlaTargets(Duration.ofHours(8), Duration.ofHours(16), Duration.ofHours(24), Duration.ofHours(80)));
        return new SlaPolicy(t, 0.8, calendar);
    }

    public Duration target(Priority priority, SlaMetric metric) {
        return targets.get(priority).of(metric);
    }
}
