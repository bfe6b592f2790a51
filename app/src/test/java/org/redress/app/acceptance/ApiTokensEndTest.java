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
 * Security finding 5 (#19): API tokens could not be listed, revoked or expire, survived a password change, and their
 * last use was never written. Now each is named, listed (never shown again), revocable by its owner or an admin,
 * may expire, records its last use, and ends with a password change or when its user is deactivated.
 */
class ApiTokensEndTest extends AcceptanceTest {

    int call(String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(desk.base + "/api/me"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    JsonNode make(AcceptanceDesk.Session as, Map<String, Object> body) throws Exception {
        AcceptanceDesk.Answer made = desk.api("POST", "/api/tokens", body, as);
        assertThat(made.status()).as(made.json().toString()).isEqualTo(201);
        return made.json();
    }

    JsonNode listed(AcceptanceDesk.Session as, String id) throws Exception {
        for (JsonNode t : desk.api("GET", "/api/tokens", null, as).json().path("tokens")) {
            if (t.path("id").asText().equals(id)) {
                return t;
            }
        }
        throw new AssertionError("token " + id + " is not listed");
    }

    @Test
    void a_token_is_listed_without_its_secret_records_its_use_and_ends_when_revoked() throws Exception {
        AcceptanceDesk.Session ana = desk.signIn("ana");
        JsonNode made = make(ana, Map.of("name", "crm sync"));
        String token = made.path("token").asText();
        assertThat(token).startsWith("rdt_");
        assertThat(call(token)).isEqualTo(200);
        JsonNode row = listed(ana, made.path("id").asText());
        assertThat(row.path("name").asText()).isEqualTo("crm sync");
        assertThat(row.path("state").asText()).isEqualTo("active");
        assertThat(row.path("lastUsedAt").isNull()).as("its use is written").isFalse();
        assertThat(desk.api("GET", "/api/tokens", null, ana).json().toString()).doesNotContain(token);

        // somebody else cannot revoke it, nor see it
        AcceptanceDesk.Session sue = desk.signIn("sue");
        assertThat(desk.api("POST", "/api/tokens/" + made.path("id").asText() + "/revoke", Map.of(), sue).status()).isEqualTo(404);
        assertThat(desk.api("GET", "/api/tokens?user=ana", null, sue).status()).isEqualTo(403);

        AcceptanceDesk.Answer revoked = desk.api("POST", "/api/tokens/" + made.path("id").asText() + "/revoke", Map.of(), ana);
        assertThat(revoked.json().path("state").asText()).isEqualTo("revoked");
        assertThat(call(token)).isEqualTo(401);
    }

    @Test
    void a_token_may_expire() throws Exception {
        AcceptanceDesk.Session ana = desk.signIn("ana");
        JsonNode made = make(ana, Map.of("name", "short job", "expiresIn", "2s"));
        assertThat(made.path("expiresAt").asText()).isNotBlank();
        assertThat(call(made.path("token").asText())).isEqualTo(200);
        AcceptanceDesk.await(() -> {
            try {
                return call(made.path("token").asText()) == 401;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, "the token to expire");
        assertThat(listed(ana, made.path("id").asText()).path("state").asText()).isEqualTo("expired");
        assertThat(desk.api("POST", "/api/tokens", Map.of("name", "x", "expiresIn", "soon"), ana).status()).isEqualTo(400);
    }

    @Test
    void a_password_change_and_a_deactivation_end_every_token_of_the_user() throws Exception {
        AcceptanceDesk.Session adam = desk.signIn("adam");
        assertThat(desk.api("POST", "/api/users", Map.of("username", "tom", "role", "agent", "team", "front-desk",
                "password", AcceptanceDesk.PASSWORD), adam).status()).isEqualTo(201);
        String first = make(adam, Map.of("name", "tom's script", "user", "tom")).path("token").asText();
        assertThat(call(first)).isEqualTo(200);
        desk.desk.staff().passwd(org.redress.app.store.DeskAudit.console(), "tom", "another long password");
        assertThat(call(first)).as("a new password ends the old tokens").isEqualTo(401);

        String second = make(adam, Map.of("name", "tom's new script", "user", "tom")).path("token").asText();
        assertThat(call(second)).isEqualTo(200);
        assertThat(desk.api("POST", "/api/users/tom/deactivate", Map.of(), adam).json().path("active").asBoolean()).isFalse();
        assertThat(call(second)).isEqualTo(401);
        assertThat(desk.api("POST", "/api/users/tom/reactivate", Map.of(), adam).json().path("active").asBoolean()).isTrue();
        assertThat(call(second)).as("reactivation revives no token").isEqualTo(401);
        assertThat(desk.api("POST", "/api/users/adam/deactivate", Map.of(), adam).status()).isEqualTo(422);
        assertThat(desk.api("GET", "/api/audit", null, adam).json().toString()).contains("user-deactivate").contains("user-reactivate")
                .doesNotContain(second);
    }
}
