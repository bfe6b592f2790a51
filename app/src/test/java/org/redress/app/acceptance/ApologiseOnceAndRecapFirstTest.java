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
 * Playbook: listen, recap, apologise once, resolve. The customer's account is captured whole; the agent recaps it
 * and apologises in a reply; the desk records both; the customer confirms the recap; a second apology on the same
 * complaint is flagged before it goes out.
 */
class ApologiseOnceAndRecapFirstTest extends AcceptanceTest {

    static List<String> codes(JsonNode check) {
        List<String> codes = new ArrayList<>();
        check.path("findings").forEach(f -> codes.add(f.path("code").asText()));
        return codes;
    }

    @Test
    void the_agent_recaps_and_apologises_once_the_customer_confirms_and_a_second_apology_is_flagged() throws Exception {
        desk.customerWrites("maria@customer.example", "Parcel 4471 never arrived",
                "I ordered a kettle two weeks ago, parcel 4471, and it never arrived. Nobody answers the phone.");
        long number = desk.complaintFrom("maria@customer.example");
        AcceptanceDesk.Session ana = desk.signIn("ana");
        desk.received("maria@customer.example", 1);
        desk.awaitStatus(number, "ACKNOWLEDGED", ana);

        JsonNode before = desk.complaint(number, ana);
        assertThat(before.path("timeline").get(0).path("text").asText()).as("the account, captured whole")
                .contains("parcel 4471, and it never arrived. Nobody answers the phone.");
        assertThat(before.path("playbook").path("step").asText()).isEqualTo("RECAP");
        assertThat(before.path("playbook").path("apologies").asInt()).isZero();
        assertThat(before.path("playbook").path("empathy").asBoolean()).isFalse();

        String eta = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString();
        AcceptanceDesk.Answer sent = desk.api("POST", "/api/complaints/" + number + "/replies", Map.of("version", before.path("version").asLong(),
                "eta", eta, "text", "Let me make sure I have this right: parcel 4471 with your kettle has not arrived in two weeks. "
                        + "Is that correct? I can see why you are upset. I am sorry for the trouble this has caused you. "
                        + "I have asked the courier to trace it."), ana);
        assertThat(sent.status()).as(sent.json().toString()).isEqualTo(201);

        JsonNode after = desk.complaint(number, ana);
        assertThat(after.path("playbook").path("recap").asText()).as("the recap waits for the customer").isEqualTo("SENT");
        assertThat(after.path("playbook").path("apologies").asInt()).isEqualTo(1);
        assertThat(after.path("playbook").path("empathy").asBoolean()).as("empathy, noted").isTrue();
        assertThat(AcceptanceDesk.body(desk.received("maria@customer.example", 2).get(1))).as("the customer got the reply")
                .contains("Is that correct?");

        desk.customerWrites("maria@customer.example", "Re: Parcel 4471 never arrived [#" + number + "]", "Yes, that is correct.");
        AcceptanceDesk.await(() -> {
            try {
                return desk.complaint(number, ana).path("timeline").size() > after.path("timeline").size();
            } catch (Exception e) {
                return false;
            }
        }, "the customer's answer on the complaint");
        AcceptanceDesk.Answer confirmed = desk.api("POST", "/api/complaints/" + number + "/recap",
                Map.of("version", desk.complaint(number, ana).path("version").asLong(), "confirmed", true), ana);
        assertThat(confirmed.status()).as(confirmed.json().toString()).isEqualTo(200);
        assertThat(confirmed.json().path("step").asText()).as("recapped and apologised: on to the resolution").isEqualTo("RESOLVE");

        AcceptanceDesk.Answer again = desk.api("POST", "/api/complaints/" + number + "/check-reply",
                Map.of("text", "We apologise again for the delay. The courier found the parcel; it will reach you by Friday 12:00."), ana);
        assertThat(again.status()).isEqualTo(200);
        assertThat(codes(again.json())).as("a second apology on the same complaint").contains("REPEATED_APOLOGY");
        AcceptanceDesk.Answer plain = desk.api("POST", "/api/complaints/" + number + "/check-reply",
                Map.of("text", "The courier found the parcel; it will reach you by Friday 12:00."), ana);
        assertThat(codes(plain.json())).doesNotContain("REPEATED_APOLOGY");
    }
}
