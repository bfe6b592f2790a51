package org.redress.app.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A complaint taken on the phone, at the counter or from the web form goes through the same playbook as a mail:
 * triaged and escalated on a threat, answered through the desk's mail channel when the customer left an address,
 * and answered in person (the first response counting at once) when they left only a phone number.
 */
class ComplaintsTakenAtTheDeskTest extends AcceptanceTest {

    @Test
    void a_phone_complaint_with_an_address_is_triaged_and_its_answer_is_mailed() throws Exception {
        AcceptanceDesk.Session ana = desk.signIn("ana");
        AcceptanceDesk.Answer taken = desk.api("POST", "/api/complaints", Map.of("via", "phone",
                "customer", Map.of("name", "Dana Pop", "email", "dana@customer.example", "phone", "+40722000111"),
                "text", "You charged me twice for March. If this is not fixed I will complain to the ombudsman."), ana);
        assertThat(taken.status()).as(taken.json().toString()).isEqualTo(201);
        long number = taken.json().path("number").asLong();
        JsonNode c = desk.complaint(number, ana);
        assertThat(c.path("escalation").asText()).as("a regulator threat escalates, whatever the way in").isNotEqualTo("AGENT");
        assertThat(desk.receivedNow("dana@customer.example")).as("taken by a person: no automatic acknowledgement").isEmpty();

        AcceptanceDesk.Answer reply = desk.api("POST", "/api/complaints/" + number + "/replies", Map.of("version",
                c.path("version").asLong(), "eta", Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                "text", "I have asked billing to refund the second March charge and will write again by tomorrow noon."), ana);
        assertThat(reply.status()).as(reply.json().toString()).isEqualTo(201);
        String mail = AcceptanceDesk.body(desk.received("dana@customer.example", 1).get(0));
        assertThat(mail).contains("refund the second March charge");
        AcceptanceDesk.await(() -> desk.clockState(number, ana, "FIRST_RESPONSE").equals("MET"), "the first response, met on delivery");
    }

    @Test
    void a_walk_in_with_only_a_phone_number_is_answered_in_person() throws Exception {
        AcceptanceDesk.Session ana = desk.signIn("ana");
        AcceptanceDesk.Answer taken = desk.api("POST", "/api/complaints", Map.of("via", "walk-in",
                "customer", Map.of("name", "Ion", "phone", "+40733000222"),
                "text", "The washing machine you installed leaks onto the floor."), ana);
        assertThat(taken.status()).as(taken.json().toString()).isEqualTo(201);
        long number = taken.json().path("number").asLong();
        AcceptanceDesk.Answer reply = desk.api("POST", "/api/complaints/" + number + "/replies", Map.of("version",
                desk.complaint(number, ana).path("version").asLong(), "eta", Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                "text", "A technician will come tomorrow between 10:00 and 12:00 to fix the leak."), ana);
        assertThat(reply.status()).isEqualTo(201);
        JsonNode c = desk.complaint(number, ana);
        assertThat(desk.clockState(number, ana, "FIRST_RESPONSE")).as("given in person, answered at once").isEqualTo("MET");
        assertThat(c.path("outgoing")).as("nothing to send").isEmpty();
        assertThat(c.path("audit")).anySatisfy(a -> {
            assertThat(a.path("action").asText()).isEqualTo("answered");
            assertThat(a.path("after").asText()).isEqualTo("in person");
        });
    }
}
