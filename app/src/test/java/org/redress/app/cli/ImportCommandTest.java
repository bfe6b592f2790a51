package org.redress.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.redress.app.config.DeskConfig;
import org.redress.app.config.Policies;
import org.redress.app.desk.Desk;
import org.redress.app.desk.TestDesks;
import org.redress.app.store.Complaints;
import org.redress.app.store.Database;
import org.redress.app.store.Queue;
import org.redress.core.complaint.Complaint;
import org.redress.core.sla.SlaClocks;
import org.redress.core.sla.SlaMetric;
import org.redress.core.sla.SlaPolicy;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

    @TempDir
    Path dir;

    @Test
    void an_import_is_idempotent_and_says_what_it_did_as_json() throws Exception {
        Path mbox = Files.writeString(dir.resolve("archive.mbox"),
                "From a@x Mon Nov 23 10:00:00 2026\nMessage-ID: <i1@customer.example>\nFrom: ana@customer.example\n"
                        + "Subject: Broken kettle\n\nThe kettle leaks.\n\n"
                        + "From a@x Mon Nov 23 11:00:00 2026\nMessage-ID: <i2@customer.example>\nFrom: ana@customer.example\n"
                        + "In-Reply-To: <i1@customer.example>\nSubject: Re: Broken kettle\n\nAny news?\n\n"
                        + "From x@x Mon Nov 23 12:00:00 2026\n\u0000\u0001 not mail\n", StandardCharsets.ISO_8859_1);
        String db = dir.resolve("desk").toString();
        CliTest.Result first = CliTest.run("import", "email", mbox.toString(), "--db", db, "--json");
        assertThat(first.code()).as(first.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(first.out());
        assertThat(summary.get("read").asLong()).isEqualTo(3);
        assertThat(summary.get("created").asLong()).isEqualTo(1);
        assertThat(summary.get("appended").asLong()).isEqualTo(1);
        assertThat(summary.get("duplicates").asLong()).isZero();
        assertThat(summary.get("quarantined").asLong()).isEqualTo(1);

        CliTest.Result again = CliTest.run("import", "email", mbox.toString(), "--db", db, "--json");
        assertThat(new ObjectMapper().readTree(again.out()).get("read").asLong()).as("nothing new to read").isZero();
    }

    @Test
    void an_import_routes_and_times_complaints_by_the_configuration_it_is_given() throws Exception {
        Path mbox = Files.writeString(dir.resolve("billing.mbox"),
                "From a@x Mon Nov 23 10:00:00 2026\nMessage-ID: <b1@customer.example>\nFrom: ion@customer.example\n"
                        + "Date: Mon, 23 Nov 2026 10:00:00 +0000\nSubject: Charged twice for my invoice\n\n"
                        + "You charged me twice for my November invoice. I want the second payment refunded.\n\n",
                StandardCharsets.ISO_8859_1);
        Path config = Files.writeString(dir.resolve("redress.yaml"), """
                hours:
                  timezone: Europe/Bucharest
                  open: "08:00"
                  close: "20:00"
                  days: mon,tue,wed,thu,fri,sat
                sla:
                  P1: {resolution: 3h}
                  P2: {resolution: 5h}
                  P3: {resolution: 7h}
                  P4: {resolution: 11h}
                routing:
                  billing: billing-team
                  default: front-desk
                """);
        String db = dir.resolve("configured").toString();
        CliTest.Result r = CliTest.run("import", "email", mbox.toString(), "--db", db, "--config", config.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();

        DeskConfig configured = DeskConfig.load(config, "check", System::getenv);
        try (Database database = Database.open(db, 2)) {
            Desk desk = TestDesks.of(database, configured, java.time.Clock.systemUTC());
            Complaints.Loaded loaded = desk.complaints().require(1000);
            Complaint c = loaded.complaint();
            assertThat(c.category().code()).isEqualTo("billing");
            assertThat(c.team()).as("routed by the file, not to the default front desk").contains("billing-team");
            SlaPolicy fromFile = configured.policies().sla();
            java.time.Instant due = SlaClocks.start(c.number(), c.priority(), c.receivedAt(), fromFile).clock(SlaMetric.RESOLUTION)
                    .orElseThrow().deadline(fromFile.calendar());
            java.time.Instant byDefault = SlaClocks.start(c.number(), c.priority(), c.receivedAt(), Policies.defaults().sla())
                    .clock(SlaMetric.RESOLUTION).orElseThrow().deadline(Policies.defaults().sla().calendar());
            assertThat(due).as("the file's hours and targets differ from the defaults").isNotEqualTo(byDefault);
            assertThat(loaded.clocks().clock(SlaMetric.RESOLUTION).orElseThrow().deadline(fromFile.calendar())).isEqualTo(due);
            assertThat(desk.queue().top(Queue.Filter.ALL, 10).get(0).dueAt().toInstant()).as("the queue's deadline").isEqualTo(due);
        }
    }

    @Test
    void a_named_configuration_that_is_missing_or_wrong_stops_the_import() throws Exception {
        Path mbox = Files.writeString(dir.resolve("one.mbox"), "From a@x Mon Nov 23 10:00:00 2026\nMessage-ID: <o1@x>\nFrom: a@x.example\n"
                + "Subject: Hi\n\nHello\n\n", StandardCharsets.ISO_8859_1);
        CliTest.Result missing = CliTest.run("import", "email", mbox.toString(), "--db", dir.resolve("d1").toString(),
                "--config", dir.resolve("nope.yaml").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.yaml: no such configuration file");
        Path wrong = Files.writeString(dir.resolve("wrong.yaml"), "routing: [not, a, map]\nhours:\n  timezone: Mars/Olympus\n");
        CliTest.Result bad = CliTest.run("import", "email", mbox.toString(), "--db", dir.resolve("d2").toString(), "--config", wrong.toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("wrong.yaml").contains("timezone");
        assertThat(Files.exists(dir.resolve("d2.mv.db"))).as("nothing was stored").isFalse();
    }

    @Test
    void wrong_arguments_say_what_is_wrong() {
        CliTest.Result missing = CliTest.run("import", "email", dir.resolve("nope.mbox").toString(), "--db", dir.resolve("d").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.mbox: no such file or folder");
        CliTest.Result kind = CliTest.run("import", "fax", dir.toString());
        assertThat(kind.code()).isEqualTo(2);
        assertThat(kind.err()).contains("unknown KIND 'fax'");
        CliTest.Result db = CliTest.run("import", "email", dir.toString(), "--db", "jdbc:postgresql://127.0.0.1:1/none");
        assertThat(db.code()).isEqualTo(1);
        assertThat(db.err()).contains("cannot open the database jdbc:postgresql://127.0.0.1:1/none");
    }
}
