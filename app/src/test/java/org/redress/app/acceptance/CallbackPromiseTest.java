package org.redress.app.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.app.cli.RedressCommand;
import org.redress.app.desk.Desk;
import org.redress.app.desk.TestDesks;
import org.redress.app.store.Database;
import org.redress.app.store.Promises;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.Entry;
import org.redress.core.promise.Promise;
import org.redress.core.triage.SignalCode;

/**
 * Playbook: keep every promise — a call back within two hours. A phone system's log of calls imported into the desk
 * becomes callback promises, not a complaint per row: a missed call owes a call back on the caller's complaint; the
 * customer calling again first breaks it; the desk calling back keeps it; a failed call is no complaint; three
 * calls from one number in a day are a repeat issue.
 */
class CallbackPromiseTest {

    static final DateTimeFormatter CDR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    static String in(String src, Instant start, String disposition, String id) {
        boolean answered = disposition.equals("ANSWERED");
        String t = CDR_TIME.format(start);
        return "\"\",\"" + src + "\",\"100\",\"from-trunk\",\"\"\"Caller\"\" <" + src + ">\",\"PJSIP/trunk-01\",\""
                + (answered ? "PJSIP/201-02" : "") + "\",\"Dial\",\"PJSIP/201,30,tT\",\"" + t + "\"," + (answered ? "\"" + t + "\"" : "")
                + ",\"" + t + "\",60," + (answered ? "55" : "0") + ",\"" + disposition + "\",\"DOCUMENTATION\",\"" + id + "\",\"\"\n";
    }

    static String out(String dst, Instant start, String id) {
        String t = CDR_TIME.format(start);
        return "\"sales\",\"201\",\"" + dst + "\",\"from-internal\",\"\"\"Ana\"\" <201>\",\"PJSIP/201-0b\",\"PJSIP/trunk-0c\",\"Dial\",\"PJSIP/"
                + dst + "@trunk,60\",\"" + t + "\",\"" + t + "\",\"" + t + "\",280,268,\"ANSWERED\",\"BILLING\",\"" + id + "\",\"\"\n";
    }

    @Test
    void missed_calls_become_callback_promises_kept_by_calling_back_and_not_a_complaint_per_row() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String missed = "+40721000111";
        String caller = "+40721000222";
        String failed = "+40721000333";
        Path cdr = Files.writeString(dir.resolve("Master.csv"),
                in(caller, now.minus(Duration.ofHours(5)), "ANSWERED", "1.1")
                        + in(missed, now.minus(Duration.ofMinutes(180)), "NO ANSWER", "1.2")
                        + in(failed, now.minus(Duration.ofMinutes(175)), "FAILED", "1.3")
                        + in(missed, now.minus(Duration.ofMinutes(170)), "NO ANSWER", "1.4")
                        + in(caller, now.minus(Duration.ofHours(4)), "ANSWERED", "1.5")
                        + in(caller, now.minus(Duration.ofMinutes(150)), "ANSWERED", "1.6")
                        + out(missed, now.minus(Duration.ofMinutes(60)), "1.7"), StandardCharsets.UTF_8);
        String db = dir.resolve("desk").toString();
        StringWriter err = new StringWriter();
        int code = RedressCommand.run(new String[] {"import", "calls", cdr.toString(), "--format", "asterisk", "--db", db, "--json"},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();

        try (Database database = Database.open(db, 2)) {
            Desk desk = TestDesks.english(database, Clock.systemUTC());
            List<Complaint> ofMissed = complaintsOf(desk, database, missed);
            assertThat(ofMissed).as("two missed calls and a call back: one complaint").hasSize(1);
            Complaint callBack = ofMissed.get(0);
            assertThat(callBack.subject()).startsWith("Call back " + missed);
            assertThat(callBack.entries(Entry.Call.class)).as("every call on its timeline").hasSize(3);

            List<Promise> promises = desk.promises().of(callBack.number().value()).stream().map(Promises.Stored::promise).toList();
            assertThat(promises).extracting(Promise::source).containsOnly(Promise.Source.MISSED_CALL);
            assertThat(promises).extracting(Promise::state).as("the customer called again first, then the desk called back")
                    .containsExactly(Promise.State.BROKEN, Promise.State.KEPT);
            assertThat(callBack.escalation().name()).as("a broken callback escalates").isNotEqualTo("AGENT");

            assertThat(complaintsOf(desk, database, failed)).as("a failed call is no complaint").isEmpty();
            List<Complaint> ofCaller = complaintsOf(desk, database, caller);
            assertThat(ofCaller).isNotEmpty();
            assertThat(ofCaller.get(ofCaller.size() - 1).has(SignalCode.REPEAT_ISSUE)).as("three calls in a day").isTrue();
        }
    }

    static List<Complaint> complaintsOf(Desk desk, Database db, String phone) {
        return db.jdbi().withHandle(h -> h.createQuery("select c.number from complaint c join customer_identity i on i.customer_id = c.customer_id "
                + "where i.address = :a order by c.number").bind("a", phone).mapTo(Long.class).list())
                .stream().map(n -> desk.complaints().require(n).complaint()).toList();
    }
}
