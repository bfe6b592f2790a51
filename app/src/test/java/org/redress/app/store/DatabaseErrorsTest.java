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
    void a_database_the_desk_cannot_write_is_refused_when_it_is_opened() {
        String url = TestDatabases.fresh("h2", dir);
        Database.open(url, 2).close();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Database.open(url + ";ACCESS_MODE_DATA=r", 2))
                .isInstanceOf(DatabaseException.class).hasMessageContaining("cannot write to the database")
                .hasMessageContaining("read-only");
    }

    @Test
    void a_failure_without_a_database_cause_is_not_explained_here() {
        assertThat(DatabaseErrors.describe(new IllegalStateException("x"))).isEmpty();
    }
}
