package org.redress.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redress.core.remedy.Money;
import org.redress.core.remedy.Remedy;
import org.redress.core.remedy.RemedyCatalogue;
import org.redress.core.remedy.RemedyKind;
import org.redress.core.staff.Actor;

/** Remedies on H2 and PostgreSQL: within the cap granted at once, above it awaiting a supervisor, decided once. */
class RemediesTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    java.nio.file.Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void a_remedy_above_the_agents_cap_waits_for_a_supervisor_and_is_decided_once(String kind) throws Exception {
        try (Database db = Database.open(TestDatabases.fresh(kind, dir), 4)) {
            ComplaintsTest setup = new ComplaintsTest();
            setup.dir = dir;
            long n = setup.oneComplaint(db, "You charged me twice, 180 EUR.");
            Complaints complaints = new Complaints(db, ComplaintsTest.SLA, CLOCK);
            Remedies remedies = new Remedies(db, complaints, RemedyCatalogue.standard("EUR"), CLOCK);

            Remedy small = remedies.propose(n, RemedyKind.VOUCHER, Money.of("20", "EUR"), Money.of("20", "EUR"),
                    Actor.agent("ana"), "late delivery");
            assertThat(small.state()).isEqualTo(Remedy.State.GRANTED);
            Remedy big = remedies.propose(n, RemedyKind.REFUND, Money.of("180", "EUR"), Money.of("180", "EUR"),
                    Actor.agent("ana"), "double charge");
            assertThat(big.state()).isEqualTo(Remedy.State.AWAITING_APPROVAL);
            assertThat(remedies.awaitingApproval()).extracting(s -> s.remedy().id()).containsExactly(big.id());

            assertThatThrownBy(() -> remedies.decide(big.id().value(), 0, true, Actor.agent("bob"), "fine by me"))
                    .hasMessageContaining("cannot approve remedies");
            Remedy granted = remedies.decide(big.id().value(), 0, true, Actor.supervisor("sue"), "ledger confirms it");
            assertThat(granted.state()).isEqualTo(Remedy.State.GRANTED);
            assertThatThrownBy(() -> remedies.decide(big.id().value(), 0, false, Actor.supervisor("sam"), "no"))
                    .isInstanceOf(ConcurrentChangeException.class).hasMessageContaining("remedy " + big.id().value());
            assertThat(remedies.find(big.id().value()).remedy().proposedBy()).isEqualTo(Actor.agent("ana"));

            List<String> trail = db.jdbi().withHandle(h -> h.createQuery("select action || ':' || after_value from audit_record "
                    + "where complaint_number = :n and action like 'remedy%' order by id").bind("n", n).mapTo(String.class).list());
            assertThat(trail).containsExactly("remedy-proposed:GRANTED", "remedy-proposed:AWAITING_APPROVAL", "remedy-decided:GRANTED");
        }
    }
}
