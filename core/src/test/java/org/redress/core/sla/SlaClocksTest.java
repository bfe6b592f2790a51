package org.redress.core.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.core.Fixtures.CALENDAR;
import static org.redress.core.Fixtures.local;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.Priority;
import org.redress.core.complaint.Status;

class SlaClocksTest {

    final SlaPolicy policy = SlaPolicy.standard(CALENDAR);
    final Complaint.Number n = new Complaint.Number(5);

    @Test
    void warns_at_80_percent_then_breaches_each_once() {
        // P1: acknowledgement within 15 working minutes
        SlaClocks clocks = SlaClocks.start(n, Priority.P1, local("2026-11-23T10:00"), policy);
        assertThat(clocks.check(local("2026-11-23T10:11"))).isEmpty();
        List<SlaEvent> warn = clocks.check(local("2026-11-23T10:12"));
        assertThat(warn).singleElement().isEqualTo(new SlaEvent.Warning(n, SlaMetric.ACKNOWLEDGEMENT, local("2026-11-23T10:15")));
        assertThat(clocks.check(local("2026-11-23T10:13"))).isEmpty();
        assertThat(clocks.check(local("2026-11-23T10:16"))).singleElement().isInstanceOf(SlaEvent.Breach.class);
        assertThat(clocks.check(local("2026-11-23T10:17"))).isEmpty();
    }

    @Test
    void a_clock_is_next_looked_at_on_its_warning_point_then_just_after_its_deadline_and_not_while_paused() {
        // P1 acknowledgement: 15 working minutes, warned at 80%: 12 minutes
        SlaClocks clocks = SlaClocks.start(n, Priority.P1, local("2026-11-23T10:00"), policy);
        assertThat(clocks.nextCheck(SlaMetric.ACKNOWLEDGEMENT)).contains(local("2026-11-23T10:12"));
        clocks.check(local("2026-11-23T10:12"));
        assertThat(clocks.nextCheck(SlaMetric.ACKNOWLEDGEMENT)).contains(local("2026-11-23T10:15").plusSeconds(1));
        clocks.check(local("2026-11-23T10:16"));
        assertThat(clocks.nextCheck(SlaMetric.ACKNOWLEDGEMENT)).as("breached: it owes nothing more").isEmpty();
        clocks.onTransition(Status.ACKNOWLEDGED, Status.WAITING_ON_CUSTOMER, local("2026-11-23T10:20"));
        assertThat(clocks.nextCheck(SlaMetric.RESOLUTION)).as("paused").isEmpty();
    }

    @Test
    void waiting_on_the_customer_pauses_every_clock() {
        SlaClocks clocks = SlaClocks.start(n, Priority.P2, local("2026-11-23T10:00"), policy);
        clocks.onTransition(Status.ACKNOWLEDGED, Status.WAITING_ON_CUSTOMER, local("2026-11-23T10:30"));
        clocks.onTransition(Status.WAITING_ON_CUSTOMER, Status.INVESTIGATING, local("2026-11-24T10:30"));
        SlaClock resolution = clocks.clock(SlaMetric.RESOLUTION).orElseThrow();
        assertThat(resolution.elapsed(local("2026-11-24T11:00"), CALENDAR)).isEqualTo(Duration.ofMinutes(60));
        // 24 working hours target + 8 paused working hours
        assertThat(resolution.deadline(CALENDAR)).isEqualTo(CALENDAR.plus(local("2026-11-23T10:00"), Duration.ofHours(32)));
    }

    @Test
    void a_reply_with_an_eta_makes_the_eta_the_next_update_deadline() {
        SlaClocks clocks = SlaClocks.start(n, Priority.P3, local("2026-11-23T10:00"), policy);
        clocks.onReply(local("2026-11-23T11:00"), Optional.of(local("2026-11-25T12:00")));
        assertThat(clocks.state(SlaMetric.FIRST_RESPONSE, local("2026-11-23T11:00"))).contains(SlaClock.State.MET);
        SlaClock next = clocks.clock(SlaMetric.NEXT_UPDATE).orElseThrow();
        assertThat(next.deadline(CALENDAR)).isEqualTo(local("2026-11-25T12:00"));
        assertThat(clocks.check(local("2026-11-25T12:01"))).anySatisfy(e -> {
            assertThat(e).isInstanceOf(SlaEvent.Breach.class);
            assertThat(e.metric()).isEqualTo(SlaMetric.NEXT_UPDATE);
        });
    }

    @Test
    void a_reply_written_for_a_channel_meets_the_response_clocks_only_when_it_reaches_the_customer() {
        SlaClocks clocks = SlaClocks.start(n, Priority.P3, local("2026-11-23T10:00"), policy);
        clocks.onReplyWritten(local("2026-11-23T11:00"), Optional.of(local("2026-11-25T12:00")));
        assertThat(clocks.state(SlaMetric.FIRST_RESPONSE, local("2026-11-23T11:00"))).contains(SlaClock.State.RUNNING);
        assertThat(clocks.clock(SlaMetric.NEXT_UPDATE).orElseThrow().deadline(CALENDAR)).isEqualTo(local("2026-11-25T12:00"));
        assertThat(clocks.onAnswered(local("2026-11-23T15:00"))).as("it stopped running clocks").isTrue();
        assertThat(clocks.clock(SlaMetric.FIRST_RESPONSE).orElseThrow().stoppedAt()).contains(local("2026-11-23T15:00"));
        assertThat(clocks.onAnswered(local("2026-11-23T16:00"))).as("a second answer stops nothing").isFalse();
    }

    @Test
    void the_decision_stops_resolution_and_reopening_starts_it_again() {
        SlaClocks clocks = SlaClocks.start(n, Priority.P3, local("2026-11-23T10:00"), policy);
        clocks.onTransition(Status.RESPONDED, Status.DECISION_COMMUNICATED, local("2026-11-24T10:00"));
        assertThat(clocks.state(SlaMetric.RESOLUTION, local("2026-11-30T10:00"))).contains(SlaClock.State.MET);
        clocks.onTransition(Status.CLOSED, Status.REOPENED, local("2026-11-30T10:00"));
        assertThat(clocks.state(SlaMetric.RESOLUTION, local("2026-11-30T11:00"))).contains(SlaClock.State.RUNNING);
        assertThat(clocks.stopped()).filteredOn(c -> c.metric() == SlaMetric.RESOLUTION).hasSize(1);
    }

    @Test
    void restored_clocks_go_on_as_if_they_had_never_been_stored() {
        SlaClocks clocks = SlaClocks.start(n, Priority.P1, local("2026-11-23T10:00"), policy);
        assertThat(clocks.check(local("2026-11-23T10:12"))).hasSize(1);
        clocks.onTransition(Status.ACKNOWLEDGED, Status.WAITING_ON_CUSTOMER, local("2026-11-23T10:13"));
        clocks.onReply(local("2026-11-23T10:13"), Optional.of(local("2026-11-23T12:00")));
        clocks.onReply(local("2026-11-23T10:14"), Optional.empty());

        SlaClocks back = SlaClocks.restore(n, clocks.priority(), policy, clocks.current(), clocks.replaced());

        assertThat(back.current()).isEqualTo(clocks.current());
        assertThat(back.replaced()).isEqualTo(clocks.replaced());
        // the warning already given is not given again; the breach still comes, once
        assertThat(back.check(local("2026-11-23T10:12"))).isEmpty();
        assertThat(back.check(local("2026-11-24T16:00"))).isEqualTo(clocks.check(local("2026-11-24T16:00")));
    }
}
