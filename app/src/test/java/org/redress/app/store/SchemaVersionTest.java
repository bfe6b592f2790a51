package org.redress.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaVersionTest {

    @TempDir
    Path dir;

    @Test
    void the_schema_version_the_desk_trusts_is_the_newest_migration() throws Exception {
        // each database runs the common migrations and its own: the newest of either set is the schema's version
        for (String own : java.util.List.of("h2", "postgresql")) {
            int newest = java.util.stream.IntStream.concat(versions("migration"), versions(own)).max().orElseThrow();
            assertThat(Database.SCHEMA_VERSION).as("Database.SCHEMA_VERSION must name the newest migration on " + own).isEqualTo(newest);
        }
    }

    private static java.util.stream.IntStream versions(String folder) throws java.io.IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db", folder))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).boxed().toList().stream().mapToInt(Integer::intValue);
        }
    }

    @Test
    void a_database_opens_again_without_migrating_and_a_new_one_is_migrated() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("desk");
        try (Database db = Database.open(url, 2)) {
            long applied = db.jdbi().withHandle(h -> h.createQuery("select count(*) from flyway_schema_history where success = true and version is not null")
                    .mapTo(Long.class).one());
            assertThat(applied).isEqualTo((long) Database.SCHEMA_VERSION);
        }
        try (Database db = Database.open(url, 2)) {
            long complaints = db.jdbi().withHandle(h -> h.createQuery("select count(*) from complaint").mapTo(Long.class).one());
            assertThat(complaints).isZero();
        }
    }

    @Test
    void h2_hands_out_ids_in_large_blocks_so_intake_does_not_write_a_sequence_every_32_ids() throws Exception {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("ids"), 2)) {
            java.util.List<String> small = db.jdbi().withHandle(h -> h.createQuery("select table_name || '.' || column_name from "
                    + "information_schema.columns where table_schema = 'public' and is_identity = 'YES' and identity_cache < :c "
                    + "union all select sequence_name from information_schema.sequences where sequence_schema = 'public' and cache < :c")
                    .bind("c", Database.H2_ID_CACHE).mapTo(String.class).list());
            assertThat(small).isEmpty();
            long identities = db.jdbi().withHandle(h -> h.createQuery("select count(*) from information_schema.columns "
                    + "where table_schema = 'public' and is_identity = 'YES'").mapTo(Long.class).one());
            assertThat(identities).isGreaterThanOrEqualTo(8);
        }
    }

    @Test
    void complaint_numbers_go_on_from_the_last_stored_after_h2_lost_its_cached_block() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("numbers");
        try (Database db = Database.open(url, 2)) {
            db.jdbi().useHandle(h -> {
                h.execute("insert into customer (display_name, created_at) values ('Ann', current_timestamp)");
                long customer = h.createQuery("select max(id) from customer").mapTo(Long.class).one();
                for (int i = 0; i < 3; i++) {
                    long n = h.createQuery("select nextval('complaint_number_seq')").mapTo(Long.class).one();
                    h.execute("insert into complaint (number, customer_id, channel, subject, category, priority, status, escalation, "
                            + "received_at, updated_at, version) values (?, ?, 'email', 'late', 'delivery', 'P3', 'NEW', 'AGENT', "
                            + "current_timestamp, current_timestamp, 0)", n, customer);
                }
                // what a kill leaves: the sequence already a cached block further on than the last number stored
                h.execute("alter sequence complaint_number_seq restart with 2003");
            });
        }
        try (Database db = Database.open(url, 2)) {
            long next = db.jdbi().withHandle(h -> h.createQuery("select nextval('complaint_number_seq')").mapTo(Long.class).one());
            assertThat(next).as("the number after the last complaint stored").isEqualTo(1003);
        }
    }

    @Test
    void an_h2_desk_is_backed_up_before_a_new_release_upgrades_its_schema_and_a_dry_run_lists_what_would_run() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("upgrade");
        // a desk of the previous release, holding a customer: the newest migration not applied yet
        previousRelease(url).useHandle(h -> h.execute("insert into customer (display_name, created_at) values ('Ann', current_timestamp)"));
        assertThat(Database.pendingMigrations(url)).singleElement().asString().startsWith("V" + Database.SCHEMA_VERSION + " ");
        try (Database db = Database.open(url, 2)) {
            long customers = db.jdbi().withHandle(h -> h.createQuery("select count(*) from customer").mapTo(Long.class).one());
            assertThat(customers).as("the data kept through the upgrade").isEqualTo(1);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .anyMatch(n -> n.startsWith("upgrade-before-V" + Database.SCHEMA_VERSION + "-") && n.endsWith(".zip"));
        }
        assertThat(Database.pendingMigrations(url)).isEmpty();

        Path none = dir.resolve("none");
        assertThat(Database.pendingMigrations("jdbc:h2:file:" + none)).as("a dry run where no desk is yet")
                .hasSize(Database.SCHEMA_VERSION);
        assertThat(dir.resolve("none.mv.db")).as("and it creates none").doesNotExist();
    }

    /**
     * A database as the previous release left it: every migration but the newest, run by Flyway as that release
     * ran them. The newest migration alters tables that hold data, so this is what an upgrade meets.
     */
    static Jdbi previousRelease(String url) {
        String normal = Database.normalise(url);
        Flyway.configure().dataSource(normal, null, null).locations(Database.migrations(normal))
                .target(String.valueOf(Database.SCHEMA_VERSION - 1)).load().migrate();
        return Jdbi.create(normal);
    }

    @Test
    void a_desk_of_the_previous_release_upgrades_with_its_data_on_h2_and_on_postgresql() throws Exception {
        for (String kind : java.util.List.of("h2", "postgresql")) {
            String url = TestDatabases.fresh(kind, dir);
            Jdbi old = previousRelease(url);
            // the previous release's users, a token made with it, a customer
            java.time.Clock clock = java.time.Clock.systemUTC();
            String token = "rdt_previous_release_token";
            old.useHandle(h -> {
                h.execute("insert into desk_user (username, display_name, role, team, password_hash, created_at, active, version) "
                        + "values ('ana', 'Ana', 'AGENT', 'front-desk', 'x', current_timestamp, true, 0)");
                h.execute("insert into api_token (token_hash, username, name, created_at) values (?, 'ana', 'crm', current_timestamp)",
                        Users.sha256(token));
                h.execute("insert into customer (display_name, created_at) values ('Ann', current_timestamp)");
            });
            assertThat(Database.pendingMigrations(url)).as(kind).singleElement().asString().startsWith("V" + Database.SCHEMA_VERSION + " ");
            try (Database db = Database.open(url, 2)) {
                Users users = new Users(db, clock);
                assertThat(users.byToken(token)).as(kind + ": a token made before the upgrade still signs in").isPresent();
                assertThat(users.tokens("ana")).singleElement().satisfies(t -> {
                    assertThat(t.state(clock.instant())).isEqualTo("active");
                    assertThat(t.lastUsedAt()).isNotNull();
                });
                assertThat(users.revokeToken(users.tokens("ana").get(0).id())).isTrue();
                assertThat(users.byToken(token)).as(kind + ": and can now be revoked").isEmpty();
                long customers = db.jdbi().withHandle(h -> h.createQuery("select count(*) from customer").mapTo(Long.class).one());
                assertThat(customers).isEqualTo(1);
            }
            assertThat(Database.pendingMigrations(url)).isEmpty();
        }
    }

    /** A new H2 desk killed while its schema was being made leaves only the file beside, which the next start redoes. */
    @Test
    void a_new_h2_desk_is_made_beside_its_file_and_a_half_made_one_is_thrown_away() throws Exception {
        Path base = dir.resolve("fresh").resolve("desk");
        Files.createDirectories(base.getParent());
        Path halfMade = Path.of(base + ".being-made.mv.db");
        Files.write(halfMade, new byte[] {1, 2, 3, 4}); // what a kill in the middle of making it left
        try (Database db = Database.open("jdbc:h2:file:" + base, 2)) {
            long tables = db.jdbi().withHandle(h -> h.createQuery("select count(*) from information_schema.tables "
                    + "where lower(table_name) = 'outbound_message'").mapTo(Long.class).one());
            assertThat(tables).isEqualTo(1);
        }
        assertThat(halfMade).doesNotExist();
        assertThat(Path.of(base + ".mv.db")).exists();
        assertThat(Database.pendingMigrations("jdbc:h2:file:" + base)).isEmpty();
    }
}
