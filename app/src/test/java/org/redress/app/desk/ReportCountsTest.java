package org.redress.app.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redress.app.cli.Demo;
import org.redress.app.config.DeskConfig;
import org.redress.app.store.Complaints;
import org.redress.app.store.Database;
import org.redress.app.store.ReportCounts;
import org.redress.app.store.TestDatabases;
import org.redress.app.store.Users;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.Status;
import org.redress.core.report.Reports;
import org.redress.core.sla.SlaClocks;
import org.redress.core.staff.Role;

/**
 * The supervisor's reports counted by the database give the figures core's {@link Reports} gives over the same
 * complaints loaded whole: weak areas per month in the desk's zone (a zone far from UTC, a month that is still running
 * there while UTC is in the one before), SLA compliance, promises kept, reopened and first-contact rates.
 */
class ReportCountsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void the_counts_of_the_database_are_cores_figures_over_the_whole_complaints(String kind) throws Exception {
        // 11:30 UTC on 30 November is half past midnight on 1 December in Auckland
        Instant now = Instant.parse("2026-11-30T11:30:00Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        Path yaml = dir.resolve("redress.yaml");
        Files.writeString(yaml, "hours:\n  timezone: Pacific/Auckland\n  open: \"09:00\"\n  close: \"17:00\"\n  days: mon,tue,wed,thu,fri\n");
        DeskConfig config = DeskConfig.load(yaml, "report-node", System::getenv);
        try (Database db = Database.open(TestDatabases.fresh(kind, dir), 4)) {
            Desk desk = TestDesks.of(db, config, clock);
            new Demo(desk).seed();
            Users.User ana = desk.users().find("ana").orElseGet(() -> desk.users().add("ana-r", "Ana", Role.AGENT, "front-desk",
                    "correct horse battery"));
            desk.walkIns().take(new WalkIns.Taken("walk-in", "Radu Marin", Optional.empty(), Optional.of("+40 733 111 222"),
                    Optional.of("Meter read twice"), "You read my meter twice and billed both.", ""), ana);
            // some closed at first contact, one reopened, so that the rates have something to count
            List<Long> numbers = db.jdbi().withHandle(h -> h.createQuery("select number from complaint order by number").mapTo(Long.class).list());
            for (int i = 0; i < 4 && i < numbers.size(); i++) {
                long n = numbers.get(i);
                Complaint c = desk.complaints().require(n).complaint();
                desk.casework().moveTo(n, c.version(), Status.CLOSED, "settled", ana.actor(), "http://desk.example");
            }
            long reopened = numbers.get(0);
            desk.casework().moveTo(reopened, desk.complaints().require(reopened).complaint().version(), Status.REOPENED, "came back",
                    ana.actor(), "http://desk.example");

            ZoneId zone = ZoneId.of("Pacific/Auckland");
            Instant since = now.minus(Duration.ofDays(90));
            List<Complaint> all = new ArrayList<>();
            List<SlaClocks> clocks = new ArrayList<>();
            for (Complaints.Loaded l : desk.complaints().receivedSinceWhole(since)) {
                all.add(l.complaint());
                clocks.add(l.clocks());
            }
            assertThat(all).hasSizeGreaterThan(8);
            ReportCounts counts = new ReportCounts(db);
            assertCoresFigures(counts, all, clocks, desk, since, zone, now);
            // the figures the desk wrote on each row are those V14 counts for a desk that had none: written again by it,
            // from the clocks and entries, the report is the same
            db.jdbi().useHandle(h -> h.execute("update complaint set replies = 0, contacts = 0, "
                    + String.join(", ", figureColumns().stream().map(c -> c + " = 0").toList())));
            assertThat(counts.count(since, zone, now, desk.complaints().policy()).sla()).isNotEqualTo(Reports.slaCompliance(clocks, now));
            String v14 = new String(Database.class.getResourceAsStream("/db/" + (kind.equals("h2") ? "h2" : "postgresql")
                    + "/V14__report_figures.sql").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            db.jdbi().useHandle(h -> {
                for (String statement : v14.replaceAll("(?m)^--.*$", "").split(";")) {
                    if (!statement.isBlank()) {
                        h.execute(statement);
                    }
                }
            });
            assertCoresFigures(counts, all, clocks, desk, since, zone, now);
        }
    }

    private static List<String> figureColumns() {
        List<String> columns = new ArrayList<>();
        for (org.redress.core.sla.SlaMetric m : org.redress.core.sla.SlaMetric.values()) {
            for (String f : List.of("met", "stopped", "late")) {
                columns.add("sla_" + m.name().toLowerCase(java.util.Locale.ROOT) + "_" + f);
            }
        }
        return columns;
    }

    private static void assertCoresFigures(ReportCounts counts, List<Complaint> all, List<SlaClocks> clocks, Desk desk, Instant since,
                                           ZoneId zone, Instant now) {
        ReportCounts.Counts counted = counts.count(since, zone, now, desk.complaints().policy());
        Reports.WeakAreas expected = Reports.weakAreas(all, zone, now);
        assertThat(counted.weakAreas().byCategory()).isEqualTo(expected.byCategory());
        assertThat(counted.weakAreas().trends()).isEqualTo(expected.trends());
        // complaints received after the month of now (a clock set back) are counted all the same, by their own month
        assertThat(counts.count(since, zone, since.plus(Duration.ofDays(1)), desk.complaints().policy()).weakAreas().byCategory())
                .isEqualTo(expected.byCategory());
        assertThat(counted.weakAreas().trends()).as("December is running in Auckland: its trend is over the same days").isNotEmpty()
                .allMatch(Reports.Trend::partial);
        assertThat(counted.weakAreas().trends().get(0).month()).hasToString("2026-12");

        assertThat(counted.sla()).isEqualTo(Reports.slaCompliance(clocks, now)).isNotEmpty();
        // ten days on, before the SLA job has looked: the running clocks past their deadlines count as missed all the same
        Instant later = now.plus(Duration.ofDays(10));
        assertThat(counts.count(since, zone, later, desk.complaints().policy()).sla()).isEqualTo(Reports.slaCompliance(clocks, later));
        assertThat(counts.promiseKeeping(since)).isEqualTo(Reports.promiseKeeping(desk.promises().onComplaintsReceivedSince(since)));
        ReportCounts.Closing closing = counted.closing();
        assertThat(closing.reopened()).isEqualTo(Reports.reopenRate(all));
        assertThat(closing.firstContact()).isEqualTo(Reports.firstContactResolution(all));
        assertThat(closing.reopened().hits()).isEqualTo(1);
        assertThat(closing.firstContact().total()).isEqualTo(4);
        assertThat(counted.received()).isEqualTo(all.size());
    }
}
