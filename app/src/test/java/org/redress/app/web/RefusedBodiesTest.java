package org.redress.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A request refused before its body is read (no session, a role that may not, a wrong CSRF token) still gets its
 * answer: the server used to answer and close while the client was still sending, and the reset could swallow the
 * answer ("header parser received no bytes"; CI, stop 27).
 */
class RefusedBodiesTest extends DeskHttpFixture {

    @Test
    void a_refused_request_with_a_large_body_gets_its_refusal_every_time() throws Exception {
        Browser ana = login("ana");
        Map<String, String> body = Map.of("username", "x", "displayName", "y".repeat(600_000), "role", "agent",
                "team", "front-desk", "password", PASSWORD);
        List<String> lost = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Browser as = i % 3 == 0 ? ana : i % 3 == 1 ? null : new Browser(ana.cookie(), "wrong");
            try {
                HttpResponse<String> r = send("POST", "/api/users", body, as);
                if (r.statusCode() != 401 && r.statusCode() != 403) {
                    lost.add(i + ": " + r.statusCode());
                }
            } catch (java.io.IOException e) {
                lost.add(i + ": " + e.getMessage());
            }
        }
        assertThat(lost).isEmpty();
    }
}
