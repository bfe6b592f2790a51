package org.redress.app.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisors' report: what it counts, and that it reads the desk in a fixed number of queries. */
class DeskReportsTest {

    @TempDir
    Path dir;
    DeskFixture f;

    @BeforeEach
    void desk() {
        f = new DeskFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    int queriesFor(Instant since) {
        AtomicInteger n = new AtomicInteger();
        f.db.jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                n.incrementAndGet();
            }
        });
        try {
            f.desk.reports().since(since);
        } finally {
            f.db.jdbi().setSqlLogger(SqlLogger.NOP_SQL_LOGGER);
        }
        return n.get();
    }

    @Test
    void the_report_counts_the_complaints_received_since_its_date_by_category() {
        f.complaint("a@customer.example", "Charged twice", "You charged me twice for my invoice, refund the second payment.");
        f.complaint("b@customer.example", "Parcel late", "My parcel never arrived.");

        DeskReports.Report r = f.desk.reports().since(DeskFixture.CLOCK.instant().minus(Duration.ofDays(1)));

        assertThat(r.complaints()).isEqualTo(2);
        assertThat(r.weakAreas()).extracting(DeskReports.Row::label).contains("billing");
        assertThat(f.desk.reports().since(DeskFixture.CLOCK.instant().plusSeconds(1)).complaints()).isZero();
    }

    @Test
    void the_report_reads_the_desk_in_as_many_queries_for_thirty_complaints_as_for_three() {
        Instant since = DeskFixture.CLOCK.instant().minus(Duration.ofDays(1));
        for (int i = 0; i < 3; i++) {
            f.complaint("c" + i + "@customer.example", "Complaint " + i, "Something went wrong, number " + i + ".");
        }
        int three = queriesFor(since);
        for (int i = 3; i < 30; i++) {
            f.complaint("c" + i + "@customer.example", "Complaint " + i, "Something went wrong, number " + i + ".");
        }
        int thirty = queriesFor(since);

        assertThat(thirty).as("queries for 30 complaints").isEqualTo(three).isLessThan(14);
    }

    @Test
    void a_clock_still_running_past_its_deadline_counts_as_missed() {
        f.complaint("late@customer.example", "Parcel late", "My parcel never arrived.");
        Instant later = DeskFixture.CLOCK.instant().plus(Duration.ofDays(10));
        Desk tenDaysOn = TestDesks.english(f.db, java.time.Clock.fixed(later, java.time.ZoneOffset.UTC));

        DeskReports.Report r = tenDaysOn.reports().since(DeskFixture.CLOCK.instant().minus(Duration.ofDays(1)));

        assertThat(r.until()).isEqualTo(later);
        assertThat(r.sla()).filteredOn(row -> row.label().equals("acknowledgement")).singleElement().satisfies(row -> {
            assertThat(row.figures().get("hits")).isEqualTo(0L);
            assertThat(row.figures().get("total")).isEqualTo(1L);
        });
    }
}
