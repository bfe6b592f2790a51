package org.redress.app.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * A desk set up in Romanian with a history horizon of a week: old mail found in the mailbox is kept as history
 * (closed, no clocks running, nobody answered), and a customer whose few words tell no language is acknowledged in
 * the desk's own language.
 */
class OldMailAndTheDesksOwnLanguageTest extends AcceptanceTest {

    @Override
    String deskSettings() {
        return "  language: ro\n  history-before: 7d\n";
    }

    @Test
    void mail_that_reached_the_mailbox_long_before_the_desk_read_it_is_history() throws Exception {
        String customer = "old@customer.example";
        Instant arrived = Instant.now().minus(60, ChronoUnit.DAYS);
        desk.mailArrivedLongAgo(customer, "Broken kettle", "The kettle I bought stopped working after two days.", arrived);
        long number = desk.complaintFrom(customer);
        AcceptanceDesk.Session sue = desk.signIn("sue");
        JsonNode c = desk.complaint(number, sue);
        assertThat(c.path("status").asText()).isEqualTo("CLOSED");
        assertThat(Instant.parse(c.path("receivedAt").asText())).isEqualTo(arrived.truncatedTo(ChronoUnit.SECONDS));
        assertThat(c.path("audit").findValuesAsText("reason")).anyMatch(r -> r.contains("kept as history"));
        assertThat(c.path("slaClocks").findValuesAsText("state")).doesNotContain("RUNNING", "WARNING", "BREACHED");
        assertThat(c.path("escalation").asText()).isEqualTo("AGENT");

        // a mail arriving now is live, however old its sender's clock says it is
        desk.customerWritesDated("skewed@customer.example", "Refund", "Where is the refund for my order 881?",
                Instant.parse("2018-03-05T10:00:00Z"));
        long live = desk.complaintFrom("skewed@customer.example");
        desk.received("skewed@customer.example", 1);
        assertThat(desk.complaint(live, sue).path("status").asText()).isIn("RECEIVED", "ACKNOWLEDGED");
        assertThat(desk.receivedNow(customer)).as("history is not answered").isEmpty();
    }

    @Test
    void a_customer_whose_words_tell_no_language_is_acknowledged_in_the_desks_own() throws Exception {
        String customer = "terse@customer.example";
        desk.customerWrites(customer, "??", "Ajutor!");
        long number = desk.complaintFrom(customer);
        String ack = AcceptanceDesk.body(desk.received(customer, 1).get(0));
        assertThat(ack).contains("Vă mulțumim").contains("[#" + number + "]");
    }
}
