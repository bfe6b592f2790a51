package org.redress.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redress.core.Fixtures.ANA;
import static org.redress.core.Fixtures.ZONE;
import static org.redress.core.Fixtures.local;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.redress.core.Fixtures;
import org.redress.core.complaint.Category;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.Entry;
import org.redress.core.complaint.Priority;
import org.redress.core.complaint.Status;
import org.redress.core.customer.Customer;
import org.redress.core.promise.Promise;
import org.redress.core.sla.SlaClocks;
import org.redress.core.sla.SlaMetric;
import org.redress.core.sla.SlaPolicy;
import org.redress.core.triage.Signal;
import org.redress.core.triage.SignalCode;

class ReportsTest {

    static void close(Complaint c, String at) {
        for (Status s : new Status[] {Status.ACKNOWLEDGED, Status.ASSESSED, Status.RESPONDED,
                Status.DECISION_COMMUNICATED, Status.CLOSED}) {
            c.transition(s, ANA, "", local(at));
        }
    }

    @Test
    void weak_areas_count_by_category_and_root_cause_per_month_with_trends() {
        Complaint a = Fixtures.complaint(1, 1, "delivery", local("2026-10-10T10:00"), List.of());
        Complaint b = Fixtures.complaint(2, 2, "delivery", local("2026-11-02T10:00"), List.of());
        Complaint c = Fixtures.complaint(3, 3, "delivery", local("2026-11-03T10:00"), List.of());
        Complaint d = Fixtures.complaint(4, 4, "billing", local("2026-10-05T10:00"), List.of());
        b.rootCause("courier lost parcels", ANA, local("2026-11-02T11:00"));
        c.rootCause("courier lost parcels", ANA, local("2026-11-03T11:00"));
        Reports.WeakAreas w = Reports.weakAreas(List.of(a, b, c, d), ZONE);
        assertThat(w.byCategory().get(new Category("delivery"))).containsEntry(YearMonth.of(2026, 10), 1L)
                .containsEntry(YearMonth.of(2026, 11), 2L);
        assertThat(w.byRootCause().get("courier lost parcels")).containsEntry(YearMonth.of(2026, 11), 2L);
        assertThat(w.trends()).first().satisfies(t -> {
            assertThat(t.category().code()).isEqualTo("delivery");
            assertThat(t.change()).isEqualTo(1);
        });
        assertThat(w.trends()).last().satisfies(t -> assertThat(t.change()).isEqualTo(-1));
    }

    @Test
    void reopen_rate_and_first_contact_resolution() {
        Complaint once = Fixtures.complaint(1, local("2026-11-02T10:00"));
        once.append(new Entry.Reply(local("2026-11-02T11:00"), ANA, "Refunded.", Optional.empty()));
        close(once, "2026-11-02T11:00");
        Complaint back = Fixtures.complaint(2, local("2026-11-02T10:00"));
        close(back, "2026-11-02T11:00");
        back.transition(Status.REOPENED, ANA, "", local("2026-11-03T10:00"));
        Complaint open = Fixtures.complaint(3, local("2026-11-02T10:00"));
        assertThat(Reports.reopenRate(List.of(once, back, open))).isEqualTo(new Rate(1, 2));
        assertThat(Reports.firstContactResolution(List.of(once, back, open))).isEqualTo(new Rate(1, 2));
    }

    @Test
    void promise_keeping_per_agent_and_sla_compliance() {
        Promise kept = new Promise(new Promise.Id(1), new Complaint.Number(1), "ana", "t", local("2026-11-02T10:00"),
                local("2026-11-02T12:00"), Promise.Source.REPLY);
        kept.keep(local("2026-11-02T11:00"));
        Promise broken = new Promise(new Promise.Id(2), new Complaint.Number(1), "ana", "t", local("2026-11-02T10:00"),
                local("2026-11-02T12:00"), Promise.Source.REPLY);
        broken.keep(local("2026-11-02T13:00"));
        Promise open = new Promise(new Promise.Id(3), new Complaint.Number(1), "ion", "t", local("2026-11-02T10:00"),
                local("2026-11-02T12:00"), Promise.Source.REPLY);
        assertThat(Reports.promiseKeeping(List.of(kept, broken, open))).containsOnlyKeys("ana")
                .containsEntry("ana", new Rate(1, 2));

        SlaPolicy policy = SlaPolicy.standard(Fixtures.CALENDAR);
        SlaClocks fast = SlaClocks.start(new Complaint.Number(1), Priority.P3, local("2026-11-23T10:00"), policy);
        fast.onTransition(Status.RECEIVED, Status.ACKNOWLEDGED, local("2026-11-23T10:30"));
        SlaClocks slow = SlaClocks.start(new Complaint.Number(2), Priority.P3, local("2026-11-23T10:00"), policy);
        slow.onTransition(Status.RECEIVED, Status.ACKNOWLEDGED, local("2026-11-23T16:30"));
        assertThat(Reports.slaCompliance(List.of(fast, slow)))
                .containsEntry(SlaMetric.ACKNOWLEDGEMENT, new Rate(1, 2));
    }

    @Test
    void repeat_and_churn_risk_customers() {
        Complaint a1 = Fixtures.complaint(1, 1, "billing", local("2026-11-01T10:00"), List.of());
        Complaint a2 = Fixtures.complaint(2, 1, "billing", local("2026-11-10T10:00"), List.of());
        Complaint b1 = Fixtures.complaint(3, 2, "delivery", local("2026-11-12T10:00"),
                List.of(new Signal(SignalCode.CHURN_RISK, "I will switch provider", 0, 22)));
        Complaint c1 = Fixtures.complaint(4, 3, "delivery", local("2026-11-12T10:00"), List.of());
        List<Reports.CustomerRisk> risks = Reports.repeatAndChurnRisk(List.of(a1, a2, b1, c1), local("2026-11-23T10:00"),
                Duration.ofDays(90), id -> id);
        assertThat(risks).extracting(r -> r.customer().value()).containsExactly(1L, 2L);
        assertThat(risks.get(0).churnRisk()).isFalse();
        assertThat(risks.get(1).churnRisk()).isTrue();
        // after a merge, the report counts both ids as one customer
        List<Reports.CustomerRisk> merged = Reports.repeatAndChurnRisk(List.of(a1, c1), local("2026-11-23T10:00"),
                Duration.ofDays(90), id -> id.value() == 3 ? new Customer.Id(1) : id);
        assertThat(merged).singleElement().satisfies(r -> assertThat(r.complaints()).isEqualTo(2));
    }

    @org.junit.jupiter.api.Test
    void a_month_still_running_is_compared_with_the_same_days_of_the_month_before() {
        // 40 complaints all through October, 12 in the first ten days of November; the report runs on 10 November
        java.util.List<org.redress.core.complaint.Complaint> all = new java.util.ArrayList<>();
        long n = 1;
        for (int day = 1; day <= 30; day++) {
            all.add(receivedOn("2026-10-" + String.format("%02d", day) + "T10:00", n++));
            if (day <= 10) {
                all.add(receivedOn("2026-10-" + String.format("%02d", day) + "T11:00", n++));
            }
        }
        for (int day = 1; day <= 10; day++) {
            all.add(receivedOn("2026-11-" + String.format("%02d", day) + "T09:00", n++));
        }
        all.add(receivedOn("2026-11-02T09:30", n++));
        all.add(receivedOn("2026-11-03T09:30", n++));
        Reports.Trend whole = Reports.weakAreas(all, ZONE).trends().get(0);
        assertThat(whole.change()).as("a whole October against ten days of November").isNegative();
        Reports.Trend fair = Reports.weakAreas(all, ZONE, java.time.LocalDateTime.parse("2026-11-10T12:00").atZone(ZONE).toInstant())
                .trends().get(0);
        assertThat(fair.partial()).isTrue();
        assertThat(fair.previous()).isEqualTo(20);
        assertThat(fair.latest()).isEqualTo(12);
    }

    private static org.redress.core.complaint.Complaint receivedOn(String local, long number) {
        java.time.Instant at = java.time.LocalDateTime.parse(local).atZone(ZONE).toInstant();
        return org.redress.core.complaint.Complaint.receive(new org.redress.core.complaint.Complaint.Number(number),
                new org.redress.core.customer.Customer.Id(number), "email", "s", new org.redress.core.complaint.Category("billing"),
                org.redress.core.complaint.Priority.P3, "en", java.util.List.of(),
                new org.redress.core.complaint.Entry.CustomerMessage(at, "email", "m" + number, "a@b.example", "t", false));
    }
}
