package org.redress.app.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Security finding 6 (#19), without a proxy: spraying one password over many names was never limited, and a client
 * chose its own address with {@code X-Forwarded-For}. Now one address gets a bounded number of failures across all
 * names, a header from a peer that is not a trusted proxy is ignored, and no name a stranger typed reaches the audit.
 */
class SignInThrottlingTest extends AcceptanceTest {

    static int signIn(String base, String user, String password, String forwardedFor) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"));
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void one_password_sprayed_over_many_names_is_stopped_whatever_address_the_client_claims() throws Exception {
        int refused = 0;
        int tried = 0;
        for (int i = 0; i < 30; i++) {
            // a different name each time, and a made-up address the desk must not believe
            int status = signIn(desk.base, "victim" + i, "Summer2026!", "203.0.113." + i);
            tried++;
            if (status == 429) {
                refused++;
            } else {
                assertThat(status).isEqualTo(401);
            }
        }
        assertThat(tried - refused).as("failures let through from one address").isEqualTo(20);
        assertThat(signIn(desk.base, "sue", AcceptanceDesk.PASSWORD, "198.51.100.7")).as("the address waits, whoever it claims to be")
                .isEqualTo(429);
        // (the admin's own sign-in would wait too: the address is this test's)
        String audit = desk.db.jdbi().withHandle(h -> h.createQuery("select actor || ' ' || subject || ' ' || detail from desk_audit")
                .mapTo(String.class).list()).toString();
        assertThat(audit).as("names a stranger typed are not written into the audit").doesNotContain("victim");
    }
}
