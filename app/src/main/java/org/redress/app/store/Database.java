package org.redress.app.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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
            throw new DatabaseException("cannot open the database " + redacted(url) + ": " + rootMessage(e), e);
        }
        if (upToDate(pool)) {
            return new Database(pool, url);
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (FlywayException e) {
            pool.close();
            throw new DatabaseException("cannot migrate the schema of " + redacted(url) + ": " + rootMessage(e), e);
        }
        return new Database(pool, url);
    }

    /**
     * The newest migration's version ({@code V<n>__*.sql}); a test keeps it equal to the newest file. A database
     * that Flyway already brought there successfully opens without Flyway scanning the class path again, which
     * is a third of the desk's start-up.
     */
    static final int SCHEMA_VERSION = 4;

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

    public Jdbi jdbi() {
        return jdbi;
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

    @Override
    public void close() {
        pool.close();
    }
}
