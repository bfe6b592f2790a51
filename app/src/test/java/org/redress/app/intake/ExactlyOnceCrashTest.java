package org.redress.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redress.app.cli.RedressCommand;
import org.redress.app.store.Database;
import org.redress.app.store.TestDatabases;

/**
 * Exactly-once effect under crashes: an import of thousands of messages in a child JVM is killed with SIGKILL
 * ({@link Process#destroyForcibly()}, a real {@code kill -9}) at random moments and started again until it
 * finishes, ten times over; every time, the desk ends up holding exactly what one uninterrupted import holds:
 * every message stored once, every complaint, follow-up, system entry and quarantined item once.
 */
public class ExactlyOnceCrashTest {

    static final int MESSAGES = 2000;
    static final int TRIALS = 10;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void an_import_killed_at_random_moments_stores_every_message_exactly_once(String kind) throws Exception {
        Path mbox = dir.resolve("archive.mbox");
        Files.write(mbox, archive(MESSAGES));

        String referenceUrl = TestDatabases.fresh(kind, dir);
        StringWriter out = new StringWriter();
        int code = RedressCommand.run(new String[] {"import", "email", mbox.toString(), "--db", referenceUrl, "--json"},
                new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(code).as(out.toString()).isZero();
        Map<String, Long> reference = snapshot(referenceUrl);
        assertThat(reference.get("inbound")).as("the archive is mostly good mail").isGreaterThan(MESSAGES * 9L / 10);
        assertThat(reference.get("follow-up")).isPositive();
        assertThat(reference.get("quarantine")).isPositive();
        assertThat(reference.get("complaints without one receive and one route audit record")).isZero();
        assertThat(reference.get("complaints without three SLA clocks")).isZero();

        Random random = new Random(42);
        int kills = 0;
        for (int trial = 1; trial <= TRIALS; trial++) {
            String url = TestDatabases.fresh(kind, dir);
            int killedThisTrial = 0;
            for (int run = 1; ; run++) {
                assertThat(run).as("trial " + trial + " never finished").isLessThan(60);
                ProcessBuilder builder = new ProcessBuilder(javaCommand("import", "email", mbox.toString(), "--db", url, "--json", "--batch", "50"))
                        .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
                builder.environment().put("REDRESS_TRACE", "1"); // a failure shows where it happened
                Process child = builder.start();
                // later kills come later: the import gets further each time and some runs finish
                long wait = 800 + random.nextInt(2000 + 1000 * run);
                if (!child.waitFor(wait, TimeUnit.MILLISECONDS)) {
                    child.destroyForcibly().waitFor();
                    killedThisTrial++;
                    continue;
                }
                assertThat(child.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();
                break;
            }
            Map<String, Long> after = snapshot(url);
            System.out.printf("crash trial %d (%s): killed %d times, then %s%n", trial, kind, killedThisTrial, after);
            assertThat(after).as("trial " + trial + " after " + killedThisTrial + " kills").isEqualTo(reference);
            kills += killedThisTrial;
        }
        assertThat(kills).as("the imports were really killed").isGreaterThanOrEqualTo(TRIALS);
    }

    /** What the desk holds, by kind, and the proof that no message was stored twice. */
    static Map<String, Long> snapshot(String url) {
        try (Database db = Database.open(url, 1)) {
            return db.jdbi().withHandle(h -> {
                Map<String, Long> m = new LinkedHashMap<>();
                m.put("inbound", count(h, "select count(*) from inbound_message"));
                for (String d : List.of("complaint", "follow-up", "system", "parked")) {
                    m.put(d, count(h, "select count(*) from inbound_message where disposition = '" + d + "'"));
                }
                m.put("complaints", count(h, "select count(*) from complaint"));
                m.put("entries", count(h, "select count(*) from complaint_entry"));
                m.put("audit", count(h, "select count(*) from audit_record"));
                m.put("audit route", count(h, "select count(*) from audit_record where action = 'route'"));
                m.put("complaints without one receive and one route audit record", count(h, "select count(*) from complaint c where "
                        + "(select count(*) from audit_record a where a.complaint_number = c.number and a.action in ('receive', 'route')) <> 2"));
                m.put("escalations", count(h, "select count(*) from escalation"));
                m.put("complaints without three SLA clocks", count(h, "select count(*) from complaint c where "
                        + "(select count(*) from sla_clock s where s.complaint_number = c.number) <> 3"));
                m.put("customers", count(h, "select count(*) from customer"));
                m.put("quarantine", count(h, "select count(*) from quarantine"));
                m.put("doubled entries", count(h, "select count(*) from (select external_id from complaint_entry "
                        + "where external_id is not null group by external_id having count(*) > 1) d"));
                return m;
            });
        }
    }

    static long count(org.jdbi.v3.core.Handle h, String sql) {
        return h.createQuery(sql).mapTo(Long.class).one();
    }

    public static List<String> javaCommand(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.redress.app.Main");
        command.addAll(List.of(args));
        return command;
    }

    /**
     * An mbox of our own making: customers writing new complaints and following up on their earlier mail by
     * In-Reply-To, some out-of-office replies that thread onto nothing, and some garbage.
     */
    static byte[] archive(int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<Integer, Integer> lastOf = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            int customer = i % 300;
            StringBuilder m = new StringBuilder("From c").append(customer).append("@customer.example Mon Nov 23 10:00:00 2026\n");
            if (i % 97 == 13) {
                m.append("\u0001\u0002 this is no mail at all \u0000\n\n");
                out.writeBytes(m.toString().getBytes(StandardCharsets.ISO_8859_1));
                continue;
            }
            m.append("Message-ID: <m").append(i).append("@customer.example>\n");
            m.append("From: Customer ").append(customer).append(" <c").append(customer).append("@customer.example>\n");
            m.append("To: support@desk.example\nDate: Mon, 23 Nov 2026 10:00:00 +0000\n");
            Integer previous = lastOf.get(customer);
            if (i % 41 == 7) {
                m.append("Auto-Submitted: auto-replied\nSubject: Out of office\n\nI am away.\n\n");
            } else if (previous != null && i % 3 == 0) {
                m.append("In-Reply-To: <m").append(previous).append("@customer.example>\nSubject: Re: my complaint ").append(previous)
                        .append("\n\nStill waiting for an answer about message ").append(previous).append(".\n\n");
            } else {
                m.append("Subject: Complaint ").append(i).append("\n\nYou charged me twice for order ").append(5000 + i)
                        .append(". I want my money back or I will complain to the regulator.\n\n");
                lastOf.put(customer, i);
            }
            out.writeBytes(m.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
