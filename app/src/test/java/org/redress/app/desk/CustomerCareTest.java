package org.redress.app.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.core.staff.Actor;
import org.redress.core.staff.Role;

/** The customer use cases: merging two records of one person, and erasing one, each audited. */
class CustomerCareTest {

    static final Actor SUE = new Actor("sue", Role.SUPERVISOR);
    static final Actor ADAM = new Actor("adam", Role.ADMIN);

    @TempDir
    Path dir;
    DeskFixture f;

    @BeforeEach
    void desk() {
        f = new DeskFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    long customerOf(long complaint) {
        return f.desk.complaints().require(complaint).complaint().customer().value();
    }

    List<Map<String, Object>> audit(String action) {
        return f.desk.audit().newest(100).stream().filter(a -> a.get("action").equals(action)).toList();
    }

    @Test
    void a_merge_moves_the_complaints_and_identities_to_the_record_that_stays_and_is_audited() {
        long home = f.complaint("ana@home.example", "Router broken", "My router is broken.");
        long work = f.complaint("ana@work.example", "Router still broken", "Still broken, writing from work.");
        long survivor = customerOf(home);
        long absorbed = customerOf(work);

        Map<String, Object> card = f.desk.customers().merge(absorbed, survivor, SUE, "same person");

        assertThat(card.get("id")).isEqualTo(survivor);
        assertThat(customerOf(work)).isEqualTo(survivor);
        assertThat((List<?>) card.get("identities")).hasSize(2);
        assertThat(audit("customer-merge")).singleElement().satisfies(a -> {
            assertThat(a.get("actor")).isEqualTo("sue");
            assertThat(a.get("subject")).isEqualTo("customer " + absorbed + " into " + survivor);
            assertThat(a.get("detail")).isEqualTo("same person");
        });
    }

    @Test
    void an_erasure_removes_the_name_keeps_the_complaint_and_is_audited() {
        long n = f.complaint("ion.ionescu@customer.example", "Charged twice", "Ion Ionescu here, you charged me twice.");
        long customer = customerOf(n);

        int touched = f.desk.customers().erase(customer, ADAM, "subject asked for erasure");

        assertThat(touched).isEqualTo(1);
        assertThat(String.valueOf(f.desk.customers().card(customer).get("name"))).doesNotContain("ion.ionescu");
        assertThat(f.desk.complaints().find(n)).isPresent();
        assertThat(audit("customer-erase")).singleElement().satisfies(a -> assertThat(a.get("detail")).isEqualTo("subject asked for erasure"));
    }
}
