package org.redress.app.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.app.desk.Desk;
import org.redress.app.desk.TestDesks;
import org.redress.app.store.Complaints;
import org.redress.app.store.Database;
import org.redress.core.complaint.Status;
import org.redress.core.sla.SlaClock;
import org.redress.core.sla.SlaMetric;

/**
 * Clocks run from when the desk receives a complaint. A mailbox of old mail imported as the desk's work gets clocks
 * that start today; an archive imported as history ({@code --historic}) keeps its dates, is closed, and has no clock
 * running, so neither breaches nor escalates anything.
 */
class ArchiveImportTest {

    @TempDir
    Path dir;

    Path mbox(String id) throws Exception {
        return Files.writeString(dir.resolve(id + ".mbox"), "From x@x Mon Mar  5 09:00:00 2018\nMessage-ID: <" + id + "@customer.example>\n"
                + "From: vlad@customer.example\nDate: Mon, 05 Mar 2018 09:00:00 +0000\nSubject: Charged twice for my invoice\n\n"
                + "You charged me twice for my February invoice, I will go to the ombudsman.\n\n", StandardCharsets.ISO_8859_1);
    }

    Complaints.Loaded imported(String db) {
        try (Database database = Database.open(db, 2)) {
            Desk desk = TestDesks.english(database, Clock.systemUTC());
            return desk.complaints().require(1000);
        }
    }

    int run(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = org.redress.app.cli.RedressCommand.run(args, new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        return code;
    }

    @Test
    void a_2018_mail_imported_today_has_no_clock_that_started_in_2018() throws Exception {
        Instant before = Instant.now();
        String db = dir.resolve("work").toString();
        run("import", "email", mbox("w1").toString(), "--db", db);

        Complaints.Loaded loaded = imported(db);
        assertThat(loaded.complaint().receivedAt()).isAfterOrEqualTo(before);
        for (SlaMetric m : SlaMetric.values()) {
            loaded.clocks().clock(m).ifPresent(k -> assertThat(k.start()).as(m.name()).isAfterOrEqualTo(before));
        }
        assertThat(loaded.complaint().status()).isEqualTo(Status.RECEIVED);
    }

    @Test
    void an_archive_imported_as_history_keeps_its_dates_is_closed_and_runs_no_clock() throws Exception {
        String db = dir.resolve("history").toString();
        run("import", "email", mbox("h1").toString(), "--db", db, "--historic");

        Complaints.Loaded loaded = imported(db);
        assertThat(loaded.complaint().receivedAt()).isEqualTo(Instant.parse("2018-03-05T09:00:00Z"));
        assertThat(loaded.complaint().status()).isEqualTo(Status.CLOSED);
        assertThat(loaded.complaint().escalation().name()).as("the ombudsman threat of 2018 escalates nothing today").isEqualTo("AGENT");
        for (SlaMetric m : SlaMetric.values()) {
            loaded.clocks().clock(m).ifPresent(k -> assertThat(k.isStopped()).as(m.name() + " stopped").isTrue());
            assertThat(loaded.clocks().state(m, Instant.now())).as(m.name()).isNotEqualTo(java.util.Optional.of(SlaClock.State.BREACHED));
        }
    }
}
