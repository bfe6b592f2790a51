package org.redress.core.remedy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.redress.core.Fixtures.ANA;
import static org.redress.core.Fixtures.SUPERVISOR;
import static org.redress.core.Fixtures.local;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.redress.core.Fixtures;
import org.redress.core.complaint.Complaint;
import org.redress.core.report.Reports;
import org.redress.core.staff.Actor;
import org.redress.core.staff.Role;

class RemedyTest {

    final RemedyCatalogue catalogue = RemedyCatalogue.standard("EUR");
    final Complaint complaint = Fixtures.complaint(1, local("2026-11-23T10:00"));

    @Test
    void within_the_agents_cap_it_is_granted_at_once_and_audited() {
        Remedy r = catalogue.propose(new Remedy.Id(1), complaint, RemedyKind.REFUND, Money.of("39.90", "EUR"),
                Money.of("39.90", "EUR"), ANA, "charged twice for March", local("2026-11-23T10:30"));
        assertThat(r.state()).isEqualTo(Remedy.State.GRANTED);
        assertThat(r.audit()).singleElement().satisfies(a -> {
            assertThat(a.actor()).isEqualTo(ANA);
            assertThat(a.reason()).contains("REFUND of 39.90 EUR against a claimed loss of 39.90 EUR");
        });
    }

    @Test
    void above_the_cap_it_waits_for_a_supervisor_whose_cap_covers_it() {
        Remedy r = catalogue.propose(new Remedy.Id(2), complaint, RemedyKind.CREDIT, Money.of("300", "EUR"),
                Money.of("250", "EUR"), ANA, "three weeks without service", local("2026-11-23T10:30"));
        assertThat(r.state()).isEqualTo(Remedy.State.AWAITING_APPROVAL);
        assertThatThrownBy(() -> catalogue.approve(r, new Actor("ion", Role.SENIOR), "ok", local("2026-11-23T11:00")))
                .hasMessageContaining("cannot approve remedies");
        catalogue.approve(r, SUPERVISOR, "proportionate to the outage", local("2026-11-23T11:00"));
        assertThat(r.state()).isEqualTo(Remedy.State.GRANTED);
        assertThat(r.audit()).hasSize(2);

        Remedy big = catalogue.propose(new Remedy.Id(3), complaint, RemedyKind.REPLACEMENT, Money.of("2000", "EUR"),
                Money.of("1800", "EUR"), ANA, "destroyed TV", local("2026-11-23T10:30"));
        assertThatThrownBy(() -> catalogue.approve(big, SUPERVISOR, "", local("2026-11-23T11:00")))
                .hasMessageContaining("needs an executive");
        catalogue.approve(big, new Actor("ceo", Role.EXECUTIVE), "goodwill", local("2026-11-23T12:00"));
        assertThat(Reports.compensationByCategory(List.of(r, big))).containsEntry(complaint.category(),
                Money.of("2050", "EUR"));
    }

    @Test
    void an_apology_offers_no_money_and_an_offer_above_the_loss_is_flagged() {
        assertThatThrownBy(() -> catalogue.propose(new Remedy.Id(4), complaint, RemedyKind.APOLOGY_ONLY,
                Money.zero("EUR"), Money.of("5", "EUR"), ANA, "sorry", local("2026-11-23T10:30")))
                .hasMessageContaining("offers no money");
        Remedy generous = catalogue.propose(new Remedy.Id(5), complaint, RemedyKind.VOUCHER, Money.of("10", "EUR"),
                Money.of("20", "EUR"), ANA, "goodwill", local("2026-11-23T10:30"));
        assertThat(generous.exceedsClaim()).isTrue();
    }

    @Test
    void a_cap_is_on_the_total_so_it_cannot_be_split_and_a_daily_cap_counts_across_complaints() {
        Money fifty = Money.of("50", "EUR");
        Remedy second = catalogue.propose(new Remedy.Id(7), complaint, RemedyKind.REFUND, fifty, fifty, ANA, "again",
                local("2026-11-23T10:30"), new RemedyCatalogue.Granted(fifty, fifty));
        assertThat(second.state()).as("50 on top of 50 granted is over an agent's 50").isEqualTo(Remedy.State.AWAITING_APPROVAL);
        assertThatThrownBy(() -> catalogue.approve(second, SUPERVISOR, "ok", local("2026-11-23T11:00"), Money.of("990", "EUR")))
                .hasMessageContaining("on top of 990 EUR already granted on the complaint");

        RemedyCatalogue daily = new RemedyCatalogue(java.util.Set.of(RemedyKind.values()),
                java.util.Map.of(Role.AGENT, fifty), java.util.Map.of(Role.AGENT, Money.of("100", "EUR")), "EUR");
        Remedy fresh = daily.propose(new Remedy.Id(8), complaint, RemedyKind.VOUCHER, Money.of("40", "EUR"), Money.of("40", "EUR"),
                ANA, "a new complaint", local("2026-11-23T10:30"), new RemedyCatalogue.Granted(Money.zero("EUR"), Money.of("80", "EUR")));
        assertThat(fresh.state()).as("40 after 80 today is over the agent's 100 a day").isEqualTo(Remedy.State.AWAITING_APPROVAL);
        assertThat(daily.dailyCap(Role.AGENT)).contains(Money.of("100", "EUR"));
    }
}
