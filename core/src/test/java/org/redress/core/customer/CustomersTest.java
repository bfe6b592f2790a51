package org.redress.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.redress.core.Fixtures.local;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.redress.core.Fixtures;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.Entry;
import org.redress.core.complaint.Status;
import org.redress.core.report.CustomerHistory;

class CustomersTest {

    final Customers customers = new Customers();

    @Test
    void one_customer_many_identities_and_one_identity_one_customer() {
        Customer ana = customers.findOrCreate(Customer.Identity.email("Ana@Example.org"), "Ana Pop");
        customers.addIdentity(ana.id(), Customer.Identity.phone("+40721000001"));
        customers.addIdentity(ana.id(), Customer.Identity.social("x:@ana_pop"));
        assertThat(customers.find(Customer.Identity.phone("+40721000001"))).contains(ana);
        assertThat(customers.findOrCreate(Customer.Identity.email("ana@example.org"), "x")).isSameAs(ana);
        Customer bob = customers.findOrCreate(Customer.Identity.email("bob@example.org"), "Bob");
        assertThatThrownBy(() -> customers.addIdentity(bob.id(), Customer.Identity.phone("+40721000001")))
                .hasMessageContaining("merge the two customers instead");
    }

    @Test
    void merging_keeps_every_complaint_of_both_and_the_history_shows_repeats_and_last_contact() {
        Customer byMail = customers.findOrCreate(Customer.Identity.email("ana@example.org"), "Ana Pop");
        Customer byPhone = customers.findOrCreate(Customer.Identity.phone("+40721000001"), "");
        Complaint first = Fixtures.complaint(1, byMail.id().value(), "delivery", local("2026-10-01T10:00"), List.of());
        Complaint second = Fixtures.complaint(2, byPhone.id().value(), "delivery", local("2026-11-20T10:00"), List.of());
        Complaint third = Fixtures.complaint(3, byPhone.id().value(), "billing", local("2026-11-21T10:00"), List.of());
        second.append(new Entry.CustomerMessage(local("2026-11-22T18:30"), "email", "m-late", "ana@example.org", "Any news?", false));
        third.transition(Status.CLOSED, Fixtures.ANA, "duplicate", local("2026-11-21T11:00"));

        Customer merged = customers.merge(byMail.id(), byPhone.id());
        assertThat(merged.identities()).contains(Customer.Identity.phone("+40721000001"),
                Customer.Identity.email("ana@example.org"));
        assertThat(customers.get(byPhone.id())).contains(merged);
        assertThat(customers.find(Customer.Identity.phone("+40721000001"))).contains(merged);

        CustomerHistory history = CustomerHistory.of(byPhone.id(), List.of(first, second, third), customers);
        assertThat(history.customer()).isEqualTo(byMail.id());
        assertThat(history.complaints()).extracting(Complaint.Number::value).containsExactly(1L, 2L, 3L);
        assertThat(history.open()).isEqualTo(2);
        assertThat(history.repeats()).extracting(Complaint.Number::value).containsExactly(2L);
        assertThat(history.lastContact()).contains(local("2026-11-22T18:30"));
    }

    @Test
    void a_customer_cannot_be_merged_into_itself() {
        Customer a = customers.findOrCreate(Customer.Identity.email("a@example.org"), "A");
        assertThatThrownBy(() -> customers.merge(a.id(), a.id())).hasMessageContaining("into itself");
    }
}
