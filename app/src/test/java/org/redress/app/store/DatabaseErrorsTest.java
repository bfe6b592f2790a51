package org.redress.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database failure is explained by its cause, without the statement or the customer data bound to it. */
class DatabaseErrorsTest {

    @TempDir
    Path dir;

    @Test
    void a_row_stored_twice_is_explained_without_the_statement_or_its_values() {
        try (Database db = Database.open(TestDatabases.fresh("h2", dir), 2)) {
            db.jdbi().useHandle(h -> h.execute("insert into customer (display_name, created_at) values ('x', current_timestamp)"));
            long id = db.jdbi().withHandle(h -> h.createQuery("select max(id) from customer").mapTo(Long.class).one());
            UnableToExecuteStatementException e = org.assertj.core.api.Assertions.catchThrowableOfType(() -> db.jdbi().useHandle(h ->
                    h.createUpdate("insert into customer (id, display_name, created_at) values (:id, :name, current_timestamp)")
                            .bind("id", id).bind("name", "Ana Pop <ana.pop@customer.example>").execute()),
                    UnableToExecuteStatementException.class);
            assertThat(e.getMessage()).as("what the raw exception would have printed").contains("ana.pop@customer.example");
            String told = DatabaseErrors.describe(e).orElseThrow();
            assertThat(told).contains("stored at the same moment").doesNotContain("ana.pop", "insert into", "customer (");
        }
    }

    @Test
    void a_value_too_long_is_the_requests_fault_and_its_log_line_holds_no_value_and_no_hash() {
        try (Database db = Database.open(TestDatabases.fresh("h2", dir), 2)) {
            String secret = "$2a$12$" + "h".repeat(53) + "ana.pop@customer.example" + "z".repeat(400);
            UnableToExecuteStatementException e = org.assertj.core.api.Assertions.catchThrowableOfType(() -> db.jdbi().useHandle(h ->
                    h.createUpdate("insert into customer (display_name, created_at) values (:name, current_timestamp)")
                            .bind("name", secret).execute()), UnableToExecuteStatementException.class);
            assertThat(DatabaseErrors.refusedValue(e)).isTrue();
            String line = DatabaseErrors.forTheLog(e);
            assertThat(line).contains("SQLState 22").doesNotContain("ana.pop", "$2a$", "hhhh", "insert into");
        }
    }

    @Test
    void a_database_the_desk_cannot_write_is_refused_when_it_is_opened() {
        String url = TestDatabases.fresh("h2", dir);
        Database.open(url, 2).close();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Database.open(url + ";ACCESS_MODE_DATA=r", 2))
                .isInstanceOf(DatabaseException.class).hasMessageContaining("cannot write to the database")
                .hasMessageContaining("read-only");
    }

    @Test
    void a_full_disk_is_named_even_where_h2_keeps_it_under_its_own_write_failure() {
        // the chain H2 2.5 throws when its disk fills, as seen on a 3 MB tmpfs: the cause is only at the bottom
        java.sql.SQLException h2 = new java.sql.SQLException("General error: \"org.h2.mvstore.MVStoreException: Writing to "
                + "sun.nio.ch.FileChannelImpl@3a3f521e failed; length 114688 at 2224128 [2.5.252/2]\" [50000-252]", "HY000", 50000,
                new IllegalStateException("Writing to sun.nio.ch.FileChannelImpl@3a3f521e failed; length 114688 at 2224128",
                        new java.io.IOException("No space left on device")));
        assertThat(DatabaseErrors.describe(new RuntimeException("Failed to commit transaction", h2))).get()
                .asString().startsWith("the database's disk is full").doesNotContain("FileChannelImpl");
    }

    @Test
    void a_failure_without_a_database_cause_is_not_explained_here() {
        assertThat(DatabaseErrors.describe(new IllegalStateException("x"))).isEmpty();
    }
}
