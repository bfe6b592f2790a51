package org.redress.app.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An ETA instead of excuses, and every promise kept: a draft that explains instead of giving a time is flagged; the
 * time the agent picks becomes the reply's promise, tracked on the complaint and the next-update deadline; the
 * customer reads the reply with that time in it.
 */
class AnEtaInsteadOfExcusesTest extends AcceptanceTest {

    @Test
    void the_picked_eta_is_the_promise_the_desk_keeps_the_agent_to() throws Exception {
        String customer = "mara@customer.example";
        desk.customerWrites(customer, "Router still broken", "My router has been dead for four days and the shop sent me to you.");
        long number = desk.complaintFrom(customer);
        desk.received(customer, 1);
        AcceptanceDesk.Session ana = desk.signIn("ana");
        desk.awaitStatus(number, "ACKNOWLEDGED", ana);

        AcceptanceDesk.Answer excuses = desk.api("POST", "/api/complaints/" + number + "/check-reply",
                Map.of("text", "Sorry, we are swamped with requests this week, the system is slow."), ana);
        assertThat(excuses.json().path("findings").findValuesAsText("code")).contains("MAKES_EXCUSES", "MISSING_ETA");

        Instant eta = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        String text = "A technician will bring you a replacement router; I will confirm the visit to you by Friday.";
        AcceptanceDesk.Answer check = desk.api("POST", "/api/complaints/" + number + "/check-reply",
                Map.of("text", text, "eta", eta.toString()), ana);
        assertThat(check.json().path("findings").findValuesAsText("code")).doesNotContain("MISSING_ETA", "MAKES_EXCUSES");
        AcceptanceDesk.Answer sent = desk.api("POST", "/api/complaints/" + number + "/replies", Map.of("version",
                desk.complaint(number, ana).path("version").asLong(), "eta", eta.toString(), "text", text), ana);
        assertThat(sent.status()).as(sent.json().toString()).isEqualTo(201);

        JsonNode c = desk.complaint(number, ana);
        assertThat(c.path("promises")).anySatisfy(p -> {
            assertThat(Instant.parse(p.path("due").asText())).as("the picked time wins over a weekday in the words").isEqualTo(eta);
            assertThat(p.path("owner").asText()).isEqualTo("ana");
            assertThat(p.path("state").asText()).isEqualTo("OPEN");
        });
        assertThat(c.path("slaClocks")).anySatisfy(k -> {
            assertThat(k.path("metric").asText()).isEqualTo("NEXT_UPDATE");
            assertThat(Instant.parse(k.path("deadline").asText())).isEqualTo(eta);
        });
        assertThat(AcceptanceDesk.body(desk.received(customer, 2).get(1))).contains("I will confirm the visit to you by Friday");
    }
}
