package org.redress.app.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** With {@code desk.read-across-teams: true} an agent reads another team's complaint, and still cannot change it. */
class ReadingAcrossTeamsTest extends AcceptanceTest {

    @Override
    String deskSettings() {
        return "  read-across-teams: true\n";
    }

    @Override
    String moreConfig() {
        return """
                routing:
                  billing: billing-team
                  default: front-desk
                """;
    }

    @Test
    void an_agent_reads_another_teams_complaint_but_cannot_change_it() throws Exception {
        desk.customerWrites("payer@customer.example", "Charged twice for November", "You charged my card twice for my November bill.");
        long n = desk.complaintFrom("payer@customer.example");
        AcceptanceDesk.Session ana = desk.signIn("ana");
        AcceptanceDesk.Answer read = desk.api("GET", "/api/complaints/" + n, null, ana);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("team").asText()).isEqualTo("billing-team");
        assertThat(desk.api("GET", "/api/complaints?limit=500", null, ana).json().path("complaints").findValuesAsText("number"))
                .contains(String.valueOf(n));
        assertThat(desk.api("POST", "/api/complaints/" + n + "/notes", Map.of("version", read.json().path("version").asLong(),
                "text", "looking"), ana).status()).isEqualTo(403);
    }
}
