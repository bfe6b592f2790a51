package org.redress.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.core.Fixtures.CALENDAR;
import static org.redress.core.Fixtures.local;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    @Test
    void working_time_runs_only_in_opening_hours() {
        // Friday 16:00 + 2 working hours = Monday 10:00
        assertThat(CALENDAR.plus(local("2026-11-27T16:00"), Duration.ofHours(2))).isEqualTo(local("2026-11-30T10:00"));
        // Monday 30 Nov 16:30 + 1h skips the 1 December holiday: Wednesday 09:30
        assertThat(CALENDAR.plus(local("2026-11-30T16:30"), Duration.ofHours(1))).isEqualTo(local("2026-12-02T09:30"));
        // before opening counts from opening
        assertThat(CALENDAR.plus(local("2026-11-23T07:00"), Duration.ofMinutes(30))).isEqualTo(local("2026-11-23T09:30"));
    }

    @Test
    void between_counts_working_time_only() {
        assertThat(CALENDAR.between(local("2026-11-27T16:00"), local("2026-11-30T10:00"))).isEqualTo(Duration.ofHours(2));
        assertThat(CALENDAR.between(local("2026-11-23T18:00"), local("2026-11-24T08:00"))).isZero();
        assertThat(CALENDAR.between(local("2026-11-24T10:00"), local("2026-11-23T10:00"))).isZero();
    }

    @Test
    void close_of_business_on_a_closed_day_is_the_next_working_day() {
        assertThat(CALENDAR.closeOfBusiness(java.time.LocalDate.of(2026, 11, 28))).isEqualTo(local("2026-11-30T17:00"));
    }
}
