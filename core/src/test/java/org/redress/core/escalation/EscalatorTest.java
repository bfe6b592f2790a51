package org.redress.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.core.Fixtures.local;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redress.core.Fixtures;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.EscalationLevel;
import org.redress.core.promise.Promise;
import org.redress.core.promise.PromiseEvent;
import org.redress.core.staff.Actor;
import org.redress.core.triage.Signal;
import org.redress.core.triage.SignalCode;

class EscalatorTest {

    final Clock clock = Clock.fixed(local("2026-11-23T12:05"), ZoneOffset.UTC);
    final Escalator escalator = new Escalator(EscalationPolicy.standard(), clock);

    @Test
    void a_broken_promise_escalates_its_complaint() {
        Complaint c = Fixtures.complaint(1, local("2026-11-23T10:00"));
        Promise p = new Promise(new Promise.Id(1), c.number(), "ana", "I will call you back within two hours",
                local("2026-11-23T10:00"), local("2026-11-23T12:00"), Promise.Source.REPLY);
        List<PromiseEvent> events = p.check(clock.instant(), Duration.ofMinutes(30)).stream().toList();
        assertThat(events).singleElement().isInstanceOf(PromiseEvent.Broken.class);
        assertThat(escalator.on(c, events.get(0))).map(Escalation::to).contains(EscalationLevel.SENIOR);
        assertThat(c.escalation()).isEqualTo(EscalationLevel.SENIOR);
        assertThat(c.audit()).last().satisfies(r -> {
            assertThat(r.actor()).isEqualTo(Actor.DESK);
            assertThat(r.reason()).isEqualTo("promise broken: I will call you back within two hours");
        });
    }

    @Test
    void the_strongest_signal_decides_and_escalates_once() {
        Complaint c = Fixtures.complaint(2, local("2026-11-23T10:00"));
        List<Signal> signals = List.of(new Signal(SignalCode.THREAT_PUBLIC, "I'll post this on Facebook", 0, 26),
                new Signal(SignalCode.THREAT_LEGAL, "my lawyer", 30, 39), new Signal(SignalCode.ANGER, "!!!", 40, 43));
        int audit = c.auditSize();
        assertThat(escalator.on(c, signals)).map(Escalation::to).contains(EscalationLevel.SUPERVISOR);
        assertThat(c.auditSize()).isEqualTo(audit + 1);
    }
}
