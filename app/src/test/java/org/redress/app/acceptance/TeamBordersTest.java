package org.redress.app.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Security finding 2 (#19): an agent of one team read, noted, reassigned (to owners and teams that did not exist) and
 * closed another team's complaint, and anyone answered a transfer offered to another team. Now an agent works on their
 * own team's complaints, those assigned to them and those offered to their team; seniors and above on all; assignment
 * goes to users and teams that exist; only the receiving team answers a transfer.
 */
class TeamBordersTest extends AcceptanceTest {

    long billing;
    AcceptanceDesk.Session ana;
    AcceptanceDesk.Session oto;

    @Override
    String moreConfig() {
        return """
                routing:
                  billing: billing-team
                  default: front-desk
                """;
    }

    @BeforeAll
    void people() throws Exception {
        AcceptanceDesk.Session adam = desk.signIn("adam");
        assertThat(desk.api("POST", "/api/users", Map.of("username", "oto", "displayName", "Oto", "role", "agent",
                "team", "billing-team", "password", AcceptanceDesk.PASSWORD), adam).status()).isEqualTo(201);
        ana = desk.signIn("ana");
        oto = desk.signIn("oto");
        desk.customerWrites("payer@customer.example", "Charged twice for November", "You charged my card twice for my November bill.");
        billing = desk.complaintFrom("payer@customer.example");
        assertThat(desk.complaint(billing, oto).path("team").asText()).isEqualTo("billing-team");
    }

    long version(long n) throws Exception {
        return desk.complaint(n, oto).path("version").asLong();
    }

    @Test
    void an_agent_of_another_team_can_neither_read_nor_change_the_complaint_nor_see_it_in_a_list() throws Exception {
        assertThat(desk.api("GET", "/api/complaints/" + billing, null, ana).status()).isEqualTo(403);
        AcceptanceDesk.Answer note = desk.api("POST", "/api/complaints/" + billing + "/notes", Map.of("version", version(billing),
                "text", "I was here"), ana);
        assertThat(note.status()).isEqualTo(403);
        assertThat(note.json().path("error").asText()).contains("may not act on complaint #" + billing + " of team billing-team");
        assertThat(desk.api("POST", "/api/complaints/" + billing + "/transitions", Map.of("version", version(billing),
                "to", "closed", "reason", "closing it"), ana).status()).isEqualTo(403);
        assertThat(desk.api("POST", "/api/complaints/" + billing + "/assignment", Map.of("version", version(billing),
                "owner", "ana", "team", "front-desk"), ana).status()).isEqualTo(403);
        assertThat(desk.api("GET", "/api/complaints?limit=500", null, ana).json().path("complaints").findValuesAsText("number"))
                .doesNotContain(String.valueOf(billing));
        assertThat(desk.api("GET", "/api/complaints?limit=500", null, oto).json().path("complaints").findValuesAsText("number"))
                .contains(String.valueOf(billing));
        // the console says the same
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(desk.base
                + "/console/complaints/" + billing)).header("Cookie", ana.cookie()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("billing-team").doesNotContain("Charged twice for November");
        // a supervisor acts on all
        assertThat(desk.api("GET", "/api/complaints/" + billing, null, desk.signIn("sue")).status()).isEqualTo(200);
    }

    @Test
    void assignment_goes_only_to_users_and_teams_that_exist_and_an_agent_assigns_within_their_team() throws Exception {
        AcceptanceDesk.Answer ghost = desk.api("POST", "/api/complaints/" + billing + "/assignment", Map.of("version",
                version(billing), "owner", "nobody", "team", "billing-team"), oto);
        assertThat(ghost.status()).isEqualTo(400);
        assertThat(ghost.json().path("error").asText()).contains("'nobody' is no active user");
        AcceptanceDesk.Answer noTeam = desk.api("POST", "/api/complaints/" + billing + "/assignment", Map.of("version",
                version(billing), "owner", "oto", "team", "made-up-team"), oto);
        assertThat(noTeam.status()).isEqualTo(400);
        assertThat(noTeam.json().path("error").asText()).contains("team 'made-up-team' does not exist");
        AcceptanceDesk.Answer away = desk.api("POST", "/api/complaints/" + billing + "/assignment", Map.of("version",
                version(billing), "owner", "ana", "team", "front-desk"), oto);
        assertThat(away.status()).isEqualTo(403);
        assertThat(away.json().path("error").asText()).contains("offer it as a transfer");
        assertThat(desk.api("POST", "/api/complaints/" + billing + "/assignment", Map.of("version", version(billing),
                "owner", "oto", "team", "billing-team"), oto).status()).isEqualTo(200);
    }

    @Test
    void only_the_receiving_team_answers_a_transfer() throws Exception {
        desk.customerWrites("router@customer.example", "Router keeps rebooting", "My router reboots every hour.");
        long n = desk.complaintFrom("router@customer.example");
        assertThat(desk.complaint(n, ana).path("team").asText()).isEqualTo("front-desk");
        AcceptanceDesk.Answer offered = desk.api("POST", "/api/complaints/" + n + "/transfer", Map.of("version",
                desk.complaint(n, ana).path("version").asLong(), "toTeam", "billing-team", "reason", "a refund question"), ana);
        assertThat(offered.status()).as(offered.json().toString()).isEqualTo(200);
        long v = offered.json().path("version").asLong();
        AcceptanceDesk.Answer own = desk.api("POST", "/api/complaints/" + n + "/transfer/accept", Map.of("version", v), ana);
        assertThat(own.status()).as("the sending team cannot accept for the receiving one").isEqualTo(403);
        assertThat(own.json().path("error").asText()).contains("not a member of team billing-team");
        // the receiving team sees what is offered to it, and accepts
        assertThat(desk.api("GET", "/api/complaints/" + n, null, oto).status()).isEqualTo(200);
        assertThat(desk.api("POST", "/api/complaints/" + n + "/transfer/accept", Map.of("version", v), oto).status()).isEqualTo(200);
        assertThat(desk.api("GET", "/api/complaints/" + n, null, ana).status()).as("now billing-team's").isEqualTo(403);
        AcceptanceDesk.Answer nowhere = desk.api("POST", "/api/complaints/" + n + "/transfer", Map.of("version",
                desk.complaint(n, oto).path("version").asLong(), "toTeam", "no-such-team", "reason", "x"), oto);
        assertThat(nowhere.status()).isEqualTo(400);
    }
}
