package org.redress.app.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Playbook: an abusive customer is warned first, in scripted words; only if the abuse goes on may the agent end the
 * conversation; every warning and ending is on the supervisor's review list.
 */
class AbuseMayEndAfterAWarningTest extends AcceptanceTest {

    @Test
    void the_agent_warns_then_ends_the_conversation_and_the_supervisor_sees_it() throws Exception {
        String customer = "rude@customer.example";
        desk.customerWrites(customer, "Broken router", "You are useless idiots, my router has been broken for a week.");
        long number = desk.complaintFrom(customer);
        desk.received(customer, 1);
        AcceptanceDesk.Session ana = desk.signIn("ana");
        desk.awaitStatus(number, "ACKNOWLEDGED", ana);

        JsonNode abuse = desk.complaint(number, ana).path("abuse");
        assertThat(abuse.path("state").asText()).isEqualTo("ABUSE_SEEN");
        String warning = abuse.path("script").asText();
        assertThat(warning).contains("abusive language");

        AcceptanceDesk.Answer early = desk.api("POST", "/api/complaints/" + number + "/abuse",
                Map.of("version", desk.complaint(number, ana).path("version").asLong(), "step", "end", "reason", "abuse"), ana);
        assertThat(early.status()).as("no ending before a warning").isEqualTo(422);

        AcceptanceDesk.Answer warned = desk.api("POST", "/api/complaints/" + number + "/abuse",
                Map.of("version", desk.complaint(number, ana).path("version").asLong(), "step", "warn"), ana);
        assertThat(warned.status()).as(warned.json().toString()).isEqualTo(200);
        assertThat(warned.json().path("state").asText()).isEqualTo("WARNED");
        assertThat(AcceptanceDesk.body(desk.received(customer, 2).get(1))).as("the customer got the warning").contains("abusive language");

        desk.customerWrites(customer, "Re: Broken router [#" + number + "]", "Idiots. All of you.");
        AcceptanceDesk.await(() -> {
            try {
                return desk.complaint(number, ana).path("abuse").path("state").asText().equals("ABUSE_AFTER_WARNING");
            } catch (Exception e) {
                return false;
            }
        }, "the second insult to reach the complaint");
        AcceptanceDesk.Answer ended = desk.api("POST", "/api/complaints/" + number + "/abuse",
                Map.of("version", desk.complaint(number, ana).path("version").asLong(), "step", "end", "reason", "abuse after a warning"), ana);
        assertThat(ended.status()).as(ended.json().toString()).isEqualTo(200);
        assertThat(ended.json().path("state").asText()).isEqualTo("ENDED");
        assertThat(AcceptanceDesk.body(desk.received(customer, 3).get(2))).contains("ending this conversation");

        AcceptanceDesk.Session sue = desk.signIn("sue");
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(desk.base + "/console/supervisor"))
                .header("Cookie", sue.cookie()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).as("the supervisor's review list").contains("/console/complaints/" + number).contains("ENDED: abuse after a warning");
    }
}
