package org.redress.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.redress.core.Fixtures;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.Priority;
import org.redress.core.complaint.Status;
import org.redress.core.time.BusinessCalendar;

class SlaProperties {

    /**
     * Whatever the pattern of waiting and working, a clock counts exactly the working time spent outside the
     * waits.
     */
    @Property(tries = 300)
    void paused_time_never_counts_against_a_clock(@ForAll @Size(min = 1, max = 12) List<@IntRange(min = 1, max = 3000) Integer> gapsMinutes) {
        BusinessCalendar cal = Fixtures.CALENDAR;
        Instant start = Fixtures.local("2026-11-23T09:00");
        SlaClocks clocks = SlaClocks.start(new Complaint.Number(1), Priority.P4, start, SlaPolicy.standard(cal));
        Instant at = start;
        boolean waiting = false;
        Duration working = Duration.ZERO;
        for (int gap : gapsMinutes) {
            Instant next = at.plus(Duration.ofMinutes(gap));
            if (!waiting) {
                working = working.plus(cal.between(at, next));
            }
            at = next;
            if (waiting) {
                clocks.onTransition(Status.WAITING_ON_CUSTOMER, Status.INVESTIGATING, at);
            } else {
                clocks.onTransition(Status.INVESTIGATING, Status.WAITING_ON_CUSTOMER, at);
            }
            waiting = !waiting;
        }
        Instant end = at.plus(Duration.ofHours(1));
        if (!waiting) {
            working = working.plus(cal.between(at, end));
        }
        SlaClock resolution = clocks.clock(SlaMetric.RESOLUTION).orElseThrow();
        assertThat(resolution.elapsed(end, cal)).isEqualTo(working);
    }
}
