package org.redress.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.app.config.DeskConfig;
import org.redress.app.desk.Desk;
import org.redress.app.desk.TestDesks;
import org.redress.app.store.Database;
import org.redress.app.store.TestDatabases;
import org.redress.app.store.Users;

/**
 * {@code redress backup} and {@code restore} (#18): the demo desk (complaints with their timelines, audit, clocks,
 * promises, remedies, users with their password hashes) backed up from H2, restored into a fresh H2 and a fresh
 * PostgreSQL database: every table the same, the desk opens on it, signs its users in, and numbers go on.
 */
class BackupRestoreTest {

    @TempDir
    Path dir;

    /** Every table's rows, as text, sorted: two databases holding the same desk give the same map. */
    static Map<String, List<String>> contents(Database db) {
        Map<String, List<String>> all = new TreeMap<>();
        db.jdbi().useHandle(h -> {
            List<String> tables = h.createQuery("select lower(table_name) from information_schema.tables where "
                    + "lower(table_schema) = lower(current_schema()) and lower(table_name) <> 'flyway_schema_history'")
                    .mapTo(String.class).list();
            // the search index is made again by the restored desk, in its own database's form (compared by searching)
            for (String t : tables.stream().filter(t -> !org.redress.app.store.SearchIndex.TABLES.contains(t)).toList()) {
                List<String> rows = h.createQuery("select * from " + t).mapToMap().list().stream().map(row -> {
                    Map<String, String> sorted = new TreeMap<>();
                    row.forEach((k, v) -> sorted.put(k, v == null ? "null" : v instanceof byte[] b ? java.util.Base64.getEncoder()
                            .encodeToString(b) : v instanceof java.time.OffsetDateTime o ? o.toInstant().toString()
                            : v instanceof java.sql.Timestamp ts ? ts.toInstant().toString()
                            : v instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : v.toString()));
                    return sorted.toString();
                }).sorted().toList();
                all.put(t, rows);
            }
        });
        return all;
    }

    private static List<String> searched(Database db, String q) {
        return new org.redress.app.store.Queue(db).page(new org.redress.app.store.Queue.Filter(java.util.Optional.empty(),
                        java.util.Optional.empty(), false, java.util.Optional.empty(), java.util.Optional.of(q)), 200, 0, java.util.Optional.empty())
                .stream().map(i -> i.number() + " " + i.subject()).toList();
    }

    @Test
    void the_demo_desk_round_trips_through_a_backup_into_h2_and_postgresql() throws Exception {
        String source = TestDatabases.fresh("h2", dir);
        Map<String, String> passwords;
        Map<String, List<String>> before;
        try (Database db = Database.open(source, 4)) {
            Desk desk = TestDesks.of(db, DeskConfig.defaults("backup-node"), Clock.systemUTC());
            passwords = new org.redress.app.cli.Demo(desk).seed();
            before = contents(db);
            before.put("search: ombudsman", searched(db, "ombudsman"));
            before.put("search: a customer", searched(db, "ana.pop@example.ro"));
        }
        assertThat(before.get("search: ombudsman")).isNotEmpty();
        assertThat(before.get("complaint")).hasSizeGreaterThan(5);
        Path backup = dir.resolve("desk-backup.zip");
        CliTest.Result made = CliTest.run("backup", "--db", source, "--out", backup.toString());
        assertThat(made.code()).as(made.err()).isZero();
        assertThat(made.out()).contains("backed up").contains(before.get("complaint").size() + " complaints");

        for (String kind : List.of("h2", "postgresql")) {
            String target = TestDatabases.fresh(kind, dir);
            CliTest.Result restored = CliTest.run("restore", backup.toString(), "--db", target);
            assertThat(restored.code()).as(kind + ": " + restored.err()).isZero();
            try (Database db = Database.open(target, 4)) {
                Map<String, List<String>> after = contents(db);
                after.put("search: ombudsman", searched(db, "ombudsman"));
                after.put("search: a customer", searched(db, "ana.pop@example.ro"));
                assertThat(after).as(kind + ": every table as it was, and search finds what it found").isEqualTo(before);
                String key = passwords.keySet().iterator().next();
                String user = key.replaceFirst(" \\(.*", ""); // "ana (agent)"
                assertThat(new Users(db, Clock.systemUTC()).authenticate(user, passwords.get(key))).as(kind + ": its users sign in")
                        .isPresent();
                long max = db.jdbi().withHandle(h -> h.createQuery("select max(number) from complaint").mapTo(Long.class).one());
                long next = db.jdbi().withHandle(h -> h.createQuery("select nextval('complaint_number_seq')").mapTo(Long.class).one());
                assertThat(next).as(kind + ": numbers go on after the last").isEqualTo(max + 1);
                db.jdbi().useHandle(h -> h.execute("insert into customer (display_name, created_at) values ('new', current_timestamp)"));
            }
            CliTest.Result again = CliTest.run("restore", backup.toString(), "--db", target);
            assertThat(again.code()).isNotZero();
            assertThat(again.err()).contains("already holds a desk");
        }
    }

    @Test
    void what_is_not_a_backup_is_named() throws Exception {
        Path notZip = Files.writeString(dir.resolve("notes.txt"), "hello");
        CliTest.Result r = CliTest.run("restore", notZip.toString(), "--db", TestDatabases.fresh("h2", dir));
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("is not a Redress backup");
        assertThat(CliTest.run("backup", "--db", TestDatabases.fresh("h2", dir), "--out", dir.toString()).err()).contains("is a folder");
    }
}
