package org.redress.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Customers and passwords in the console (#20 part 6, what only the API could do): a supervisor exports everything
 * held about a complaint's customer and merges a second customer record into it; an admin sets a user's password and
 * erases a customer at their request. Agents see none of it, and what is refused says why.
 */
class CustomerPagesTest extends DeskHttpFixture {

    private long complaintOf(String address) {
        return db.jdbi().withHandle(h -> h.createQuery("select c.number from complaint c join customer_identity i on i.customer_id = c.customer_id "
                + "where i.address = :a").bind("a", address).mapTo(Long.class).one());
    }

    private long customerOf(long complaint) {
        return db.jdbi().withHandle(h -> h.createQuery("select customer_id from complaint where number = :n").bind("n", complaint)
                .mapTo(Long.class).one());
    }

    @Test
    void a_supervisor_exports_a_customer_and_merges_a_second_record_into_it() throws Exception {
        Browser sue = login("sue");
        long first = complaintOf("ana0@customer.example");
        long second = complaintOf("ana1@customer.example");
        HttpResponse<String> pageOfFirst = page("/console/complaints/" + first, sue);
        assertThat(pageOfFirst.body()).contains("id=\"merge-form\"").contains("id=\"customer-export\"");
        assertThat(page("/console/complaints/" + first, login("ana")).body()).as("agents see neither").doesNotContain("id=\"merge-form\"");

        HttpResponse<String> export = page("/console/complaints/" + first + "/customer/export", sue);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow()).contains("customer-" + customerOf(first) + ".json");
        assertThat(export.body()).contains("ana0@customer.example").contains("My parcel 0 never arrived");

        HttpResponse<String> wrong = form("/console/complaints/" + first + "/customer/merge", sue, "csrf", sue.csrf(), "absorbed", "ana1");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("absorbed: the number of the customer record");
        Browser ana = login("ana");
        assertThat(form("/console/complaints/" + first + "/customer/merge", ana, "csrf", ana.csrf(), "absorbed",
                String.valueOf(customerOf(second))).statusCode()).as("an agent may not merge").isEqualTo(403);

        HttpResponse<String> merged = form("/console/complaints/" + first + "/customer/merge", sue, "csrf", sue.csrf(),
                "absorbed", "#" + customerOf(second), "reason", "same person, second address");
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(303);
        assertThat(customerOf(second)).isEqualTo(customerOf(first));
        String byOtherAddress = page("/console?view=all&q=ana1%40customer.example", sue).body();
        assertThat(byOtherAddress).contains("data-number=\"" + first + "\"").contains("data-number=\"" + second + "\"");
    }

    @Test
    void an_admin_sets_a_password_and_erases_a_customer() throws Exception {
        Browser adam = login("adam");
        HttpResponse<String> set = form("/console/users/eve/password", adam, "csrf", adam.csrf(), "password", "a-new-long-passphrase-2026");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(303);
        assertThat(send("POST", "/api/login", Map.of("username", "eve", "password", "a-new-long-passphrase-2026"), null).statusCode())
                .isEqualTo(200);
        assertThat(send("POST", "/api/login", Map.of("username", "eve", "password", PASSWORD), null).statusCode()).isEqualTo(401);

        long complaint = complaintOf("ana2@customer.example");
        long customer = customerOf(complaint);
        HttpResponse<String> unconfirmed = form("/console/customers/erase", adam, "csrf", adam.csrf(), "customer", String.valueOf(customer),
                "reason", "their request by letter");
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(unconfirmed.body()).contains("cannot be undone");
        HttpResponse<String> erased = form("/console/customers/erase", adam, "csrf", adam.csrf(), "customer", String.valueOf(customer),
                "reason", "their request by letter", "confirm", "yes");
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(303);
        Browser sue = login("sue");
        for (String q : List.of("ana2@customer.example", "parcel 2")) {
            assertThat(page("/console?view=all&q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8), sue).body())
                    .as(q).doesNotContain("data-number=\"" + complaint + "\"");
        }
        Browser ana = login("ana");
        assertThat(form("/console/customers/erase", ana, "csrf", ana.csrf(), "customer", String.valueOf(customer), "reason", "x",
                "confirm", "yes").statusCode()).isEqualTo(403);
    }
}
