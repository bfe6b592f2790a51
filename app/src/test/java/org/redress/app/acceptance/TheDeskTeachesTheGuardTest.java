package org.redress.app.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The desk teaches the reply guard (#17 part 4): an agent labels a blame the guard missed and a finding it got wrong;
 * the supervisor sees the guard's precision and recall over the desk's labels; the admin accepts the labelled miss as
 * a phrase, and from that moment, without a restart, the guard refuses a reply that says it, and the record shows it.
 */
class TheDeskTeachesTheGuardTest extends AcceptanceTest {

    static List<String> codes(JsonNode answer) {
        return NeverSayTheForbiddenThingsTest.codes(answer);
    }

    static JsonNode line(JsonNode quality, String code) {
        for (JsonNode q : quality.path("codes")) {
            if (q.path("code").asText().equals(code)) {
                return q;
            }
        }
        return null;
    }

    @Test
    void a_labelled_miss_becomes_a_phrase_the_guard_uses_at_once() throws Exception {
        String customer = "lena@customer.example";
        desk.customerWrites(customer, "Wrong size again", "You sent me the wrong size for the second time.");
        long number = desk.complaintFrom(customer);
        AcceptanceDesk.Session ana = desk.signIn("ana");
        AcceptanceDesk.Session sue = desk.signIn("sue");
        AcceptanceDesk.Session adam = desk.signIn("adam");
        String eta = Instant.now().plus(1, ChronoUnit.DAYS).toString();

        // a shop's own slang for blaming the packers, which no built-in rule knows
        String slang = "Sorry, the pickers in bay 7 did a Friday on your order. A new pair leaves today.";
        AcceptanceDesk.Answer before = desk.api("POST", "/api/complaints/" + number + "/check-reply", Map.of("text", slang, "eta", eta), ana);
        assertThat(codes(before.json())).doesNotContain("BLAMES_COLLEAGUES");

        AcceptanceDesk.Answer missed = desk.api("POST", "/api/complaints/" + number + "/guard-labels", Map.of("text", slang,
                "code", "BLAMES_COLLEAGUES", "verdict", "missed", "evidence", "did a Friday on"), ana);
        assertThat(missed.status()).as(missed.json().toString()).isEqualTo(201);
        assertThat(missed.json().path("language").asText()).as("the complaint's language").isEqualTo("en");
        AcceptanceDesk.Answer wrong = desk.api("POST", "/api/complaints/" + number + "/guard-labels", Map.of("text",
                "Our warehouse team will check the size chart with you.", "code", "USES_JARGON", "verdict", "wrong"), ana);
        assertThat(wrong.status()).isEqualTo(201);
        AcceptanceDesk.Answer bad = desk.api("POST", "/api/complaints/" + number + "/guard-labels", Map.of("text", slang,
                "code", "BLAMES_COLLEAGUES", "verdict", "missed", "evidence", "not in the text"), ana);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("error").asText()).contains("evidence");

        JsonNode quality = desk.api("GET", "/api/guard/quality", null, sue).json();
        assertThat(line(quality, "BLAMES_COLLEAGUES").path("recall").asDouble()).as("one labelled miss, still missed").isZero();
        assertThat(desk.api("GET", "/api/guard/quality", null, ana).status()).as("an agent does not read the record").isEqualTo(403);

        JsonNode candidates = desk.api("GET", "/api/guard/candidates", null, adam).json().path("candidates");
        assertThat(candidates).hasSize(1);
        assertThat(candidates.get(0).path("evidence").asText()).isEqualTo("did a Friday on");
        AcceptanceDesk.Answer accepted = desk.api("POST", "/api/guard/phrases", Map.of("language", "en", "code", "BLAMES_COLLEAGUES",
                "text", "did a Friday on", "label", candidates.get(0).path("label").asLong()), adam);
        assertThat(accepted.status()).as(accepted.json().toString()).isEqualTo(201);
        assertThat(desk.api("POST", "/api/guard/phrases", Map.of("language", "en", "code", "BLAMES_COLLEAGUES",
                "text", "did a Friday on"), adam).status()).as("the same phrase twice").isEqualTo(409);

        // at once, without a restart: the guard refuses a reply with the phrase, the record shows the miss fixed
        AcceptanceDesk.Answer refused = desk.api("POST", "/api/complaints/" + number + "/replies", Map.of("version",
                desk.complaint(number, ana).path("version").asLong(), "eta", eta,
                "text", "The night shift did a Friday on your parcel, sorry. A new pair leaves today."), ana);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(codes(refused.json())).contains("BLAMES_COLLEAGUES");
        assertThat(line(desk.api("GET", "/api/guard/quality", null, sue).json(), "BLAMES_COLLEAGUES").path("recall").asDouble()).isEqualTo(1.0);
        assertThat(desk.api("GET", "/api/guard/candidates", null, adam).json().path("candidates")).isEmpty();
        assertThat(desk.api("GET", "/api/audit?limit=20", null, adam).json().toString()).contains("guard-phrase-add").contains("did a Friday on");

        long id = accepted.json().path("id").asLong();
        assertThat(desk.api("POST", "/api/guard/phrases/" + id + "/remove", Map.of(), adam).status()).isEqualTo(200);
        AcceptanceDesk.Answer again = desk.api("POST", "/api/complaints/" + number + "/check-reply", Map.of("text", slang, "eta", eta), ana);
        assertThat(codes(again.json())).as("removed, at once").doesNotContain("BLAMES_COLLEAGUES");
    }
}
