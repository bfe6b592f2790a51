package org.redress.app.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;

/**
 * The desk's database: an embedded H2 file by default, PostgreSQL when several nodes share one. The schema is
 * migrated by Flyway on open, from one set of scripts that both run (H2 in its PostgreSQL mode). Connections
 * come from a HikariCP pool; SQL goes through JDBI.
 */
public final class Database implements AutoCloseable {

    /** The default database of a desk started in the current folder. */
    public static final String DEFAULT_URL = "jdbc:h2:file:./data/redress";

    /** What H2 needs to read the PostgreSQL-flavoured scripts and queries the way PostgreSQL does. */
    private static final String H2_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            // a commit is on disk when it returns, not up to half a second later: the desk acknowledges what it stored
            + ";WRITE_DELAY=0"
            // intake runs some twenty different statements per message: with H2's default of 8 cached per
            // connection, each was parsed again every time
            + ";QUERY_CACHE_SIZE=128";

    /** Flyway says every migration it applies on standard error; the desk reports what matters itself. */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final String url;

    private Database(HikariDataSource pool, String url) {
        this.pool = pool;
        this.url = url;
        this.jdbi = Jdbi.create(pool);
    }

    /**
     * Opens the database at a JDBC URL and brings its schema up to date.
     *
     * @throws DatabaseException naming the URL (without its password) and what went wrong
     */
    public static Database open(String jdbcUrl, int poolSize) {
        String url = normalise(jdbcUrl);
        if (url.startsWith("jdbc:h2:file:")) {
            Path parent = Path.of(url.substring("jdbc:h2:file:".length()).split(";", 2)[0]).toAbsolutePath().getParent();
            try {
                // a folder the desk makes for its database is the desk's alone (one that exists is left as it is)
                PrivateFiles.folder(parent);
            } catch (java.io.IOException e) {
                throw new DatabaseException("cannot create the folder " + parent + " for the database: " + e.getMessage(), e);
            }
            createH2Atomically(url);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        // Flyway holds one connection for its lock while it migrates on another
        config.setMaximumPoolSize(Math.max(2, poolSize));
        config.setPoolName("redress");
        config.setInitializationFailTimeout(2_000);
        config.setConnectionTimeout(10_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            if (rootMessage(e).contains("The file is locked") || rootMessage(e).contains("[90020")) {
                // the commonest case on one machine: `redress serve` holds the file and a command is run beside it
                throw new DatabaseException("the database " + redacted(url) + " is in use by another process, most likely a "
                        + "running `redress serve`: an H2 file opens in one process at a time. Stop serve and run this "
                        + "again, do it through the running desk (the console, or the API with a token made before serve "
                        + "started), or run the desk on PostgreSQL, where any number of processes share it", e);
            }
            throw new DatabaseException("cannot open the database " + redacted(url) + ": " + rootMessage(e), e);
        }
        if (!upToDate(pool)) {
            try {
                Flyway flyway = Flyway.configure().dataSource(pool).locations(migrations(url)).load();
                backUpBeforeUpgrade(pool, url, flyway);
                flyway.migrate();
            } catch (FlywayException e) {
                pool.close();
                throw new DatabaseException("cannot migrate the schema of " + redacted(url) + ": " + rootMessage(e), e);
            }
        }
        requireWritable(pool, url);
        PrivateFiles.h2Files(url);
        if (url.startsWith("jdbc:h2:")) {
            cacheH2Ids(pool);
            closeNumberGap(pool);
        }
        Database db = new Database(pool, url);
        if (!url.contains("ACCESS_MODE_DATA=r")) {
            db.indexForSearch();
        }
        return db;
    }

    /**
     * A new H2 desk is made beside its file and moved into place once its schema is complete. H2 adds a column by
     * copying the table, which a process killed at that moment leaves half done; a desk killed while it was being
     * made this way leaves only the file beside, which the next start throws away and makes again. (A desk that holds
     * data is zipped before it is upgraded: {@link #backUpBeforeUpgrade}.)
     */
    private static void createH2Atomically(String url) {
        String file = url.substring("jdbc:h2:file:".length()).split(";", 2)[0];
        String rest = url.substring("jdbc:h2:file:".length() + file.length());
        Path target = Path.of(file + ".mv.db");
        if (Files.exists(target) || url.contains("ACCESS_MODE_DATA=r")) {
            return;
        }
        String making = file + ".being-made";
        Path makingFile = Path.of(making + ".mv.db");
        try {
            Files.deleteIfExists(makingFile); // what a start killed while making it left
            Flyway.configure().dataSource("jdbc:h2:file:" + making + rest, null, null).locations(migrations(url))
                    .load().migrate();
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + making + rest);
                 java.sql.Statement s = c.createStatement()) {
                s.execute("shutdown");
            }
            if (!Files.exists(target)) {
                Files.move(makingFile, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (java.io.IOException | java.sql.SQLException | FlywayException e) {
            throw new DatabaseException("cannot make the new database " + target + ": " + rootMessage(e), e);
        } finally {
            try {
                Files.deleteIfExists(makingFile);
                Files.deleteIfExists(Path.of(making + ".trace.db"));
            } catch (java.io.IOException e) {
                // left for the next start to throw away
            }
        }
    }

    /**
     * The migrations a database still needs, by version and description, without running them: what
     * {@code migrate --dry-run} lists. Empty when the schema is up to date.
     */
    public static java.util.List<String> pendingMigrations(String jdbcUrl) {
        String url = normalise(jdbcUrl);
        if (url.startsWith("jdbc:h2:file:") && !Files.exists(Path.of(url.substring("jdbc:h2:file:".length()).split(";", 2)[0] + ".mv.db"))) {
            // no desk there yet: everything would run, and a dry run must not create the file to say so
            url = "jdbc:h2:mem:redress-dry-run-" + java.util.UUID.randomUUID() + H2_MODE;
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(2);
        config.setInitializationFailTimeout(2_000);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            return java.util.Arrays.stream(Flyway.configure().dataSource(pool).locations(migrations(url)).load().info().pending())
                    .map(m -> "V" + m.getVersion() + " " + m.getDescription()).toList();
        } catch (RuntimeException e) {
            throw new DatabaseException("cannot read the schema of " + redacted(url) + ": " + rootMessage(e), e);
        }
    }

    /**
     * An H2 desk that already holds a schema is copied to a zip beside its file before a new release's migrations
     * change it: if one fails half-way (H2 runs DDL outside transactions), the desk as it was is one unzip away.
     */
    private static void backUpBeforeUpgrade(HikariDataSource pool, String url, Flyway flyway) {
        if (!url.startsWith("jdbc:h2:file:") || !hasSchema(pool)) {
            return; // a new desk: nothing to keep, and no need to pay for Flyway's scan twice
        }
        // one scan of the class path: info() reads every migration again each time it is called
        org.flywaydb.core.api.MigrationInfoService info = flyway.info();
        if (info.applied().length == 0 || info.pending().length == 0) {
            return;
        }
        String file = url.substring("jdbc:h2:file:".length()).split(";", 2)[0];
        String to = file + "-before-V" + info.pending()[0].getVersion() + "-"
                + java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".zip";
        try (var c = pool.getConnection(); var s = c.prepareStatement("backup to ?")) {
            s.setString(1, to);
            s.execute();
            PrivateFiles.file(Path.of(to));
        } catch (java.sql.SQLException e) {
            pool.close();
            throw new DatabaseException("cannot back the desk up to " + to + " before upgrading its schema; nothing was "
                    + "changed: " + DatabaseErrors.describe(e).orElse(e.getMessage()), e);
        }
    }

    private static boolean hasSchema(HikariDataSource pool) {
        try (var c = pool.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(
                "select count(*) from information_schema.tables where lower(table_name) = 'flyway_schema_history'")) {
            return rs.next() && rs.getLong(1) > 0;
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    /**
     * Writes a row and takes it back: a desk that cannot write (a read-only file or replica) is refused at start, not
     * after it said it was ready and every job and poll failed.
     */
    private static void requireWritable(HikariDataSource pool, String url) {
        try (java.sql.Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (java.sql.PreparedStatement s = c.prepareStatement(
                    "insert into lease (name, holder, acquired_at, expires_at) values (?, 'write-check', ?, ?)")) {
                java.sql.Timestamp now = new java.sql.Timestamp(System.currentTimeMillis());
                s.setString(1, "write-check:" + java.util.UUID.randomUUID());
                s.setTimestamp(2, now);
                s.setTimestamp(3, now);
                s.executeUpdate();
            } finally {
                c.rollback();
            }
        } catch (java.sql.SQLException e) {
            pool.close();
            throw new DatabaseException("cannot write to the database " + redacted(url) + ": "
                    + DatabaseErrors.describe(e).orElse(e.getMessage()), e);
        }
    }

    /** How many ids H2 hands out before it writes a sequence's new value down. */
    static final int H2_ID_CACHE = 1000;

    /**
     * H2 writes a sequence's state, in a commit of its own that goes to disk, each time the values it cached run out
     * (32 by default); with three SLA clocks, two audit records and an entry per complaint, that was a fifth of
     * intake's time. A larger cache costs nothing but a gap in the numbers after a crash. Not on PostgreSQL, where each
     * connection would cache its own block and complaint numbers would jump between them.
     */
    private static void cacheH2Ids(HikariDataSource pool) {
        try (var c = pool.getConnection(); var s = c.createStatement()) {
            java.util.List<String> alter = new java.util.ArrayList<>();
            try (var rs = s.executeQuery("select table_name, column_name from information_schema.columns where table_schema = 'public' "
                    + "and is_identity = 'YES' and identity_cache < " + H2_ID_CACHE)) {
                while (rs.next()) {
                    alter.add("alter table \"" + rs.getString(1) + "\" alter column \"" + rs.getString(2) + "\" set cache " + H2_ID_CACHE);
                }
            }
            try (var rs = s.executeQuery("select sequence_name from information_schema.sequences where sequence_schema = 'public' "
                    + "and cache < " + H2_ID_CACHE)) {
                while (rs.next()) {
                    alter.add("alter sequence \"" + rs.getString(1) + "\" cache " + H2_ID_CACHE);
                }
            }
            for (String a : alter) {
                s.execute(a);
            }
        } catch (java.sql.SQLException e) {
            throw new DatabaseException("cannot set the id caches of " + redacted(pool.getJdbcUrl()) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Customers see complaint numbers in every subject ({@code [#1042]}), so they stay dense: after a crash H2 goes on
     * from the end of the block it had cached, a thousand further on, and the next complaint is numbered after the
     * last one stored instead. H2 opens a file in one process only, so nobody is numbering a complaint meanwhile.
     */
    private static void closeNumberGap(HikariDataSource pool) {
        try (var c = pool.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("select coalesce(max(number), 999) + 1 from complaint")) {
            rs.next();
            long next = rs.getLong(1);
            s.execute("alter sequence complaint_number_seq restart with " + next);
        } catch (java.sql.SQLException e) {
            throw new DatabaseException("cannot number complaints on from the last one in " + redacted(pool.getJdbcUrl())
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * The newest migration's version ({@code V<n>__*.sql}); a test keeps it equal to the newest file. A database
     * that Flyway already brought there successfully opens without Flyway scanning the class path again, which
     * is a third of the desk's start-up.
     */
    static final int SCHEMA_VERSION = 15;

    private static boolean upToDate(HikariDataSource pool) {
        try (var c = pool.getConnection(); var s = c.createStatement()) {
            try (var rs = s.executeQuery("select count(*) from flyway_schema_history where success = true and version = '"
                    + SCHEMA_VERSION + "'")) {
                boolean current = rs.next() && rs.getLong(1) == 1;
                if (!current) {
                    return false;
                }
            }
            // nothing newer than this code knows, and nothing failed half-way
            try (var rs = s.executeQuery("select count(*) from flyway_schema_history where success = false")) {
                return rs.next() && rs.getLong(1) == 0;
            }
        } catch (java.sql.SQLException e) {
            // no history table yet (a new database) or not readable: Flyway decides
            return false;
        }
    }

    /**
     * Makes the search index of complaints that have none: all of them on a desk upgraded to the index or restored
     * from a backup (which leaves the index out), none otherwise.
     */
    private void indexForSearch() {
        // in transactions of 200, as before the job's grew to 1,000: a desk opening may be one restarted after a crash,
        // and the one H2 failure seen in the crash test (a lock timeout in an import, once in some thirty trials) came
        // after this grew; kept small here until REDRESS_TRACE shows where that came from
        indexPending(Integer.MAX_VALUE, 200);
        // a complaint is indexed in the transaction that writes it, and a catch-up goes in number order: the index lacks
        // something only if it lacks the newest complaint, which two key lookups tell without reading every complaint
        boolean behind = jdbi.withHandle(h -> h.createQuery("select count(*) from complaint c where c.number = "
                + "(select max(number) from complaint) and not exists (select 1 from complaint_search s "
                + "where s.complaint_number = c.number)").mapTo(Long.class).one()) > 0;
        if (!behind) {
            return;
        }
        int done = 0;
        for (int batch; (batch = jdbi.inTransaction(h -> SearchIndex.catchUp(h, 500))) > 0; ) {
            done += batch;
            if (done == 5_000) {
                System.err.println("indexing this desk's complaints for search (once, after an upgrade or a restore)…");
            }
        }
    }

    /**
     * Indexes for search the complaints changed since they were last indexed, up to about {@code limit} changes, in
     * transactions of up to a thousand (a thousand new complaints' words are one sweep through the index); returns how
     * many changes it took (the search job, and a search before it asks).
     */
    public int indexPending(int limit) {
        return indexPending(limit, 1_000);
    }

    private int indexPending(int limit, int perTransaction) {
        int done = 0;
        for (int batch; done < limit && (batch = jdbi.inTransaction(h -> SearchIndex.indexPending(h, Math.min(perTransaction, limit)))) > 0; ) {
            done += batch;
        }
        return done;
    }

    /**
     * Where the migrations of a database at {@code url} are: the common ones, which both databases run, and the few
     * that differ (the search index is full-text search on PostgreSQL, a table of words on H2).
     */
    static String[] migrations(String url) {
        return new String[] {"classpath:db/migration", url.startsWith("jdbc:postgresql:") ? "classpath:db/postgresql" : "classpath:db/h2"};
    }

    /** An H2 file URL gets the PostgreSQL mode; a bare path becomes an H2 file URL. */
    static String normalise(String jdbcUrl) {
        String url = jdbcUrl.strip();
        if (!url.startsWith("jdbc:")) {
            url = "jdbc:h2:file:" + Path.of(url).toAbsolutePath();
        }
        if (url.startsWith("jdbc:h2:") && !url.toUpperCase(Locale.ROOT).contains("MODE=")) {
            url += H2_MODE;
        }
        return url;
    }

    /** A connection of the pool, for what works below JDBI (a backup). */
    java.sql.Connection connection() throws java.sql.SQLException {
        return pool.getConnection();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(java.util.function.Function<Tx, T> work) {
        return jdbi.inTransaction(h -> work.apply(new Tx(h)));
    }

    /** As {@link #inTransaction(java.util.function.Function)}, for work that returns nothing. */
    public void useTransaction(java.util.function.Consumer<Tx> work) {
        jdbi.useTransaction(h -> work.accept(new Tx(h)));
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    public String url() {
        return redacted(url);
    }

    static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** A round trip to the database; throws what the driver throws when it does not answer. */
    public void ping() {
        jdbi().withHandle(h -> h.createQuery("select 1").mapTo(Integer.class).one());
    }

    /** Reports the connection pool's use (active, idle, waiting, timeouts) to {@code registry}; once per database. */
    public void reportPoolTo(io.micrometer.core.instrument.MeterRegistry registry) {
        if (pool.getMetricRegistry() == null) {
            pool.setMetricRegistry(registry);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
