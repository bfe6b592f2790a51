package org.redress.app.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redress.app.schedule.Job;

/**
 * Playbook: customers who threaten a regulator, a chargeback or going public are escalated at once; an outage brings
 * a flood of the same complaint, which the desk proposes as one incident; the supervisor declares it with an ETA,
 * every customer is told it once, and resolving it answers them all once.
 */
class ThreatsAndFloodsEscalateTest extends AcceptanceTest {

    @Test
    void a_regulator_threat_escalates_at_once_and_is_audited_as_the_desks_act() throws Exception {
        desk.customerWrites("angry@customer.example", "Charged twice", "You charged me twice. If this is not fixed today I will "
                + "complain to the ombudsman and dispute the charge with my bank.");
        long number = desk.complaintFrom("angry@customer.example");
        JsonNode c = desk.complaint(number, desk.signIn("sue"));
        assertThat(c.path("escalation").asText()).isNotEqualTo("AGENT");
        assertThat(c.path("audit")).anySatisfy(a -> {
            assertThat(a.path("action").asText()).isEqualTo("escalate");
            assertThat(a.path("actor").asText()).isEqualTo("desk");
            assertThat(a.path("reason").asText()).startsWith("triage: THREAT_");
        });
    }

    @Test
    void an_outage_flood_becomes_one_incident_whose_customers_are_told_once_and_answered_once() throws Exception {
        List<String> customers = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String who = "cluj" + i + "@customer.example";
            customers.add(who);
            desk.customerWrites(who, "Internet down in Cluj", "The internet is down in Cluj since this morning, the router light is red. " + i);
        }
        List<Long> numbers = new ArrayList<>();
        for (String who : customers) {
            numbers.add(desk.complaintFrom(who));
            desk.received(who, 1);
        }
        for (Job j : desk.desk.jobs()) {
            if (j.name().equals("bursts")) {
                j.run(Instant.now());
            }
        }
        AcceptanceDesk.Session sue = desk.signIn("sue");
        JsonNode proposal = null;
        for (JsonNode i : desk.api("GET", "/api/incidents", null, sue).json().path("incidents")) {
            if (i.path("state").asText().equals("PROPOSED")) {
                proposal = i;
            }
        }
        assertThat(proposal).as("the desk proposed the flood as an incident").isNotNull();
        assertThat(proposal.path("complaints")).hasSize(5);

        AcceptanceDesk.Answer declared = desk.api("POST", "/api/incidents", Map.of("proposal", proposal.path("id").asLong(),
                "title", "Internet outage in Cluj", "eta", Instant.now().plus(3, ChronoUnit.HOURS).toString()), sue);
        assertThat(declared.status()).as(declared.json().toString()).isEqualTo(201);
        for (String who : customers) {
            assertThat(AcceptanceDesk.body(desk.received(who, 2).get(1))).as(who).contains("Internet outage in Cluj");
        }
        AcceptanceDesk.Answer resolved = desk.api("POST", "/api/incidents/" + declared.json().path("id").asLong() + "/resolution",
                Map.of("version", declared.json().path("version").asLong(), "message", "The line in Cluj is repaired; your internet is back."), sue);
        assertThat(resolved.status()).as(resolved.json().toString()).isEqualTo(200);
        for (String who : customers) {
            List<String> got = desk.received(who, 3).stream().map(AcceptanceDesk::body).toList();
            assertThat(got).as(who).hasSize(3).filteredOn(b -> b.contains("line in Cluj is repaired")).hasSize(1);
        }
    }

    @Test
    void compensation_within_the_agents_cap_is_granted_and_above_it_waits_for_a_supervisor() throws Exception {
        desk.customerWrites("refund@customer.example", "Double charge", "You charged me 49.90 EUR twice for my March invoice.");
        long number = desk.complaintFrom("refund@customer.example");
        AcceptanceDesk.Session ana = desk.signIn("ana");
        AcceptanceDesk.Answer small = desk.api("POST", "/api/complaints/" + number + "/remedies", Map.of("kind", "refund",
                "claimed", "49.90", "offered", "49.90", "currency", "EUR", "reason", "the double charge"), ana);
        assertThat(small.json().path("state").asText()).isEqualTo("GRANTED");
        AcceptanceDesk.Answer large = desk.api("POST", "/api/complaints/" + number + "/remedies", Map.of("kind", "credit",
                "claimed", "49.90", "offered", "300", "currency", "EUR", "reason", "a year of trouble"), ana);
        assertThat(large.json().path("state").asText()).as("above the agent's cap").isEqualTo("AWAITING_APPROVAL");
        AcceptanceDesk.Session sue = desk.signIn("sue");
        AcceptanceDesk.Answer decided = desk.api("POST", "/api/remedies/" + large.json().path("id").asLong() + "/decision",
                Map.of("version", large.json().path("version").asLong(), "approve", false, "reason", "out of proportion to the loss"), sue);
        assertThat(decided.status()).as(decided.json().toString()).isEqualTo(200);
        assertThat(decided.json().path("state").asText()).isEqualTo("REJECTED");
    }
}
