package org.redress.app.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Playbook: never "I don't know", never "that's not my job", never blame colleagues, never "calm down", keep internal
 * correspondence internal; no excuses, an ETA instead. The desk checks every reply before it goes out: a reply that
 * breaks a rule is refused with the rule and a suggestion and reaches nobody; excuses and a missing ETA are flagged
 * while the agent writes; an internal note is never sent.
 */
class NeverSayTheForbiddenThingsTest extends AcceptanceTest {

    static List<String> codes(JsonNode answer) {
        List<String> codes = new ArrayList<>();
        answer.path("findings").forEach(f -> codes.add(f.path("code").asText()));
        return codes;
    }

    @Test
    void replies_that_break_the_rules_are_refused_and_reach_nobody_and_notes_stay_inside() throws Exception {
        String customer = "petra@customer.example";
        desk.customerWrites(customer, "Refund still missing", "I returned the blender a month ago and my refund is still missing.");
        long number = desk.complaintFrom(customer);
        desk.received(customer, 1);
        AcceptanceDesk.Session ana = desk.signIn("ana");
        desk.awaitStatus(number, "ACKNOWLEDGED", ana);

        Map<String, String> forbidden = Map.of(
                "ADMITS_NOT_KNOWING", "I don't know where your refund is.",
                "NOT_MY_JOB", "Refunds are not my department, please call accounting.",
                "BLAMES_COLLEAGUES", "My colleague in the warehouse forgot to book your return.",
                "TELLS_TO_CALM_DOWN", "Please calm down, we will look at it.",
                "LEAKS_INTERNAL", "Internal note: the customer is a pain, refund only if she insists.");
        String eta = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        for (Map.Entry<String, String> e : forbidden.entrySet()) {
            long version = desk.complaint(number, ana).path("version").asLong();
            AcceptanceDesk.Answer refused = desk.api("POST", "/api/complaints/" + number + "/replies",
                    Map.of("version", version, "text", e.getValue(), "eta", eta), ana);
            assertThat(refused.status()).as(e.getKey() + ": " + refused.json()).isEqualTo(422);
            assertThat(codes(refused.json())).as(e.getValue()).contains(e.getKey());
            refused.json().path("findings").forEach(f -> assertThat(f.path("suggestion").asText()).as("a suggestion for " + f).isNotBlank());
        }
        // excuses and a missing ETA are flagged while the agent writes (a warning: the agent decides)
        AcceptanceDesk.Answer excuse = desk.api("POST", "/api/complaints/" + number + "/check-reply",
                Map.of("text", "We are very short-staffed because of the holidays.", "eta", eta), ana);
        assertThat(codes(excuse.json())).contains("MAKES_EXCUSES");
        AcceptanceDesk.Answer noEta = desk.api("POST", "/api/complaints/" + number + "/check-reply",
                Map.of("text", "We have asked the warehouse to check your return."), ana);
        assertThat(codes(noEta.json())).as("an unresolved complaint wants an ETA, not an explanation").contains("MISSING_ETA");

        AcceptanceDesk.Answer note = desk.api("POST", "/api/complaints/" + number + "/notes",
                Map.of("version", desk.complaint(number, ana).path("version").asLong(), "text", "Warehouse says the return was never scanned."), ana);
        assertThat(note.status()).isEqualTo(201);

        AcceptanceDesk.Answer good = desk.api("POST", "/api/complaints/" + number + "/replies", Map.of("version",
                desk.complaint(number, ana).path("version").asLong(), "eta", eta,
                "text", "Thank you, Petra. I have asked the warehouse to confirm your return today and will update you by tomorrow."), ana);
        assertThat(good.status()).as(good.json().toString()).isEqualTo(201);
        List<String> received = desk.received(customer, 2).stream().map(AcceptanceDesk::body).toList();
        assertThat(received).hasSize(2).noneMatch(b -> b.contains("never scanned") || b.contains("I don't know")
                || b.contains("short-staffed") || b.contains("calm down"));
    }
}
