package org.redress.app.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The two databases every store test runs on: a fresh H2 file, and a fresh schema in the PostgreSQL at
 * {@code REDRESS_TEST_POSTGRES} (default {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}). Without a
 * reachable PostgreSQL the PostgreSQL runs are skipped with a message saying so, unless
 * {@code REDRESS_REQUIRE_POSTGRES=true} (as CI sets it), which turns the skip into a failure.
 */
public final class TestDatabases {

    public static final String POSTGRES = System.getenv().getOrDefault("REDRESS_TEST_POSTGRES",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private static final java.util.List<String> CREATED = new java.util.concurrent.CopyOnWriteArrayList<>();

    static {
        // the schemas of one test run go with it, so the shared test database does not grow run after run
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(POSTGRES)) {
                for (String schema : CREATED) {
                    c.createStatement().execute("drop schema if exists " + schema + " cascade");
                }
            } catch (SQLException e) {
                System.err.println("could not drop the test schemas " + CREATED + ": " + e.getMessage());
            }
        }, "drop-test-schemas"));
    }

    private TestDatabases() {
    }

    /** A JDBC URL of a new, empty database of the given kind ("h2" or "postgresql"). */
    public static String fresh(String kind, Path dir) {
        if (kind.equals("h2")) {
            return "jdbc:h2:file:" + dir.resolve("desk-" + UUID.randomUUID()).toAbsolutePath();
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(POSTGRES)) {
            c.createStatement().execute("create schema " + schema);
            CREATED.add(schema);
        } catch (SQLException e) {
            String message = "PostgreSQL tests skipped: cannot connect to " + POSTGRES + " (" + e.getMessage()
                    + "); set REDRESS_TEST_POSTGRES to a reachable database";
            if (Boolean.parseBoolean(System.getenv("REDRESS_REQUIRE_POSTGRES"))) {
                throw new IllegalStateException(message.replace("skipped", "required but unavailable"), e);
            }
            System.err.println(message);
            Assumptions.abort(message);
        }
        return POSTGRES + (POSTGRES.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
