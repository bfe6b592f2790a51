package org.redress.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.core.Fixtures.ANA;
import static org.redress.core.Fixtures.CALENDAR;
import static org.redress.core.Fixtures.local;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.redress.core.Fixtures;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.EscalationLevel;
import org.redress.core.complaint.Entry;
import org.redress.core.complaint.Status;
import org.redress.core.sla.SlaMetric;
import org.redress.core.triage.SignalCode;

class EscalationTest {

    final EscalationPolicy policy = EscalationPolicy.standard();
    final StuckDetector stuck = new StuckDetector(Duration.ofHours(16), 2, 3, CALENDAR);

    @Test
    void breaches_and_broken_promises_step_up_one_level() {
        Complaint c = Fixtures.complaint(1, local("2026-11-23T10:00"));
        Escalation e = policy.decide(c, new Trigger.SlaBreach(SlaMetric.RESOLUTION)).orElseThrow();
        assertThat(e.to()).isEqualTo(EscalationLevel.SENIOR);
        c.escalate(e.to(), ANA, e.trigger().describe(), local("2026-11-23T11:00"));
        assertThat(policy.decide(c, new Trigger.BrokenPromise("call back within two hours")))
                .map(Escalation::to).contains(EscalationLevel.SUPERVISOR);
        assertThat(c.audit()).last().satisfies(r -> assertThat(r.reason()).isEqualTo("SLA breached: resolution"));
    }

    @Test
    void triage_signals_lift_to_their_level_and_never_down() {
        Complaint c = Fixtures.complaint(2, local("2026-11-23T10:00"));
        assertThat(policy.decide(c, new Trigger.TriageSignal(SignalCode.THREAT_LEGAL))).map(Escalation::to)
                .contains(EscalationLevel.SUPERVISOR);
        assertThat(policy.decide(c, new Trigger.TriageSignal(SignalCode.EXECUTIVE_ESCALATION))).map(Escalation::to)
                .contains(EscalationLevel.EXECUTIVE);
        assertThat(policy.decide(c, new Trigger.TriageSignal(SignalCode.ANGER))).isEmpty();
        c.escalate(EscalationLevel.EXECUTIVE, ANA, "asked for the CEO", local("2026-11-23T10:05"));
        assertThat(policy.decide(c, new Trigger.TriageSignal(SignalCode.THREAT_PUBLIC))).isEmpty();
        assertThat(policy.decide(c, new Trigger.SlaBreach(SlaMetric.RESOLUTION))).isEmpty();
    }

    @Test
    void stuck_when_idle_for_long_reopened_twice_or_contacted_three_times() {
        Complaint idle = Fixtures.complaint(3, local("2026-11-23T10:00"));
        idle.transition(Status.ACKNOWLEDGED, ANA, "", local("2026-11-23T10:10"));
        assertThat(stuck.check(idle, local("2026-11-24T17:00"))).isEmpty();
        assertThat(stuck.check(idle, local("2026-11-25T10:10"))).map(Trigger.Stuck::why)
                .contains("no progress for 16 working hours");
        assertThat(policy.decide(idle, stuck.check(idle, local("2026-11-25T10:10")).orElseThrow()))
                .map(Escalation::to).contains(EscalationLevel.SENIOR);

        Complaint reopened = Fixtures.complaint(4, local("2026-11-23T10:00"));
        reopened.transition(Status.CLOSED, ANA, "", local("2026-11-23T10:00"));
        reopened.transition(Status.REOPENED, ANA, "", local("2026-11-23T10:00"));
        for (Status s : new Status[] {Status.INVESTIGATING, Status.RESPONDED, Status.DECISION_COMMUNICATED,
                Status.CLOSED, Status.REOPENED}) {
            reopened.transition(s, ANA, "", local("2026-11-23T10:00"));
        }
        assertThat(stuck.check(reopened, local("2026-11-23T10:00"))).map(Trigger.Stuck::why).contains("reopened 2 times");

        Complaint calling = Fixtures.complaint(5, local("2026-11-23T10:00"));
        calling.append(new Entry.Call(local("2026-11-23T11:00"), "c1", "+40721000001", "missed", Optional.empty(), ""));
        calling.append(new Entry.CustomerMessage(local("2026-11-23T12:00"), "email", "m2", "x@example.org", "again?", false));
        assertThat(stuck.check(calling, local("2026-11-23T12:00"))).map(Trigger.Stuck::why)
                .contains("the customer got in touch 3 times about it");
        calling.append(new Entry.CustomerMessage(local("2026-11-23T12:00"), "email", "ooo", "x@example.org", "Out of office", true));
        assertThat(calling.customerContacts()).as("automated mail is no contact").isEqualTo(3);
    }

    @Test
    void a_transfer_keeps_the_owner_accountable_until_accepted() {
        Complaint c = Fixtures.complaint(6, local("2026-11-23T10:00"));
        c.assign("ana", "billing", ANA, "routed by category", local("2026-11-23T10:00"));
        c.requestTransfer("logistics", Optional.empty(), ANA, "the parcel is lost in the depot", local("2026-11-23T10:30"));
        assertThat(c.owner()).contains("ana");
        assertThat(c.team()).contains("billing");
        c.acceptTransfer(org.redress.core.staff.Actor.agent("radu"), local("2026-11-23T11:00"));
        assertThat(c.owner()).contains("radu");
        assertThat(c.team()).contains("logistics");
        assertThat(c.pendingTransfer()).isEmpty();
        assertThat(c.audit()).extracting(r -> r.action()).contains("transfer-requested", "transfer-accepted");
    }

    @Test
    void a_declined_transfer_leaves_the_complaint_with_its_owner() {
        Complaint c = Fixtures.complaint(7, local("2026-11-23T10:00"));
        c.assign("ana", "billing", ANA, "", local("2026-11-23T10:00"));
        c.requestTransfer("legal", Optional.of("ion"), ANA, "customer cites the contract", local("2026-11-23T10:30"));
        c.declineTransfer(org.redress.core.staff.Actor.agent("ion"), "billing dispute, not legal", local("2026-11-23T10:40"));
        assertThat(c.owner()).contains("ana");
        assertThat(new org.redress.core.routing.RoutingTable(java.util.Map.of(new org.redress.core.complaint.Category("billing"),
                "billing"), "front-desk").teamFor(new org.redress.core.complaint.Category("delivery"))).isEqualTo("front-desk");
        assertThat(List.of(c.audit().get(c.auditSize() - 1).reason())).containsExactly("billing dispute, not legal");
    }
}
