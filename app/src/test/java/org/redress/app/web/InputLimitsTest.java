package org.redress.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Security finding 7 (#19), input: over-long names, titles and saved replies and out-of-range amounts answered a plain
 * 500 (a 100,000-character incident title, {@code "claimed":"1e400"}), and bidirectional controls were kept in names.
 * Every field is now checked at the edge: a 400 naming it, never a database error.
 */
class InputLimitsTest extends DeskHttpFixture {

    @Test
    void an_over_long_title_and_an_amount_past_what_is_stored_are_refused_naming_the_field() throws Exception {
        Browser sue = login("sue");
        HttpResponse<String> title = send("POST", "/api/incidents", Map.of("title", "x".repeat(100_000), "category", "network",
                "area", "Cluj", "eta", "2026-11-25T10:00:00Z"), sue);
        assertThat(title.statusCode()).isEqualTo(400);
        assertThat(title.body()).contains("title: at most 500 characters");
        Browser ana = login("ana");
        HttpResponse<String> claimed = send("POST", "/api/complaints/1000/remedies", Map.of("kind", "refund", "claimed", "1e400",
                "offered", "10", "currency", "EUR", "reason", "charged twice"), ana);
        assertThat(claimed.statusCode()).isEqualTo(400);
        assertThat(claimed.body()).contains("claimed: an amount such as 25");
        HttpResponse<String> huge = send("POST", "/api/complaints/1000/remedies", Map.of("kind", "refund",
                "claimed", "99999999999999999999", "offered", "10", "currency", "EUR", "reason", "x"), ana);
        assertThat(huge.statusCode()).isEqualTo(400);
    }

    @Test
    void bidirectional_controls_are_taken_out_of_names() throws Exception {
        Browser adam = login("adam");
        HttpResponse<String> added = send("POST", "/api/users", Map.of("username", "rlo", "displayName", "Ana\u202Egnp.exe",
                "role", "agent", "team", "front-desk", "password", PASSWORD), adam);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(JSON.readTree(added.body()).path("displayName").asText()).isEqualTo("Anagnp.exe");
    }

    /** Every documented POST, every string field of its body past its limit, as every role: never a 500. */
    @Test
    void no_field_of_any_route_answers_a_server_error_however_long() throws Exception {
        Map<String, Browser> callers = Map.of("ana", login("ana"), "sue", login("sue"), "adam", login("adam"));
        // past every limit, and the whole body within the server's 1 MB: the texts past 100,000, the rest past 4,000
        String longest = "y".repeat(110_001);
        String longer = "y".repeat(5_001);
        List<String> wrong = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = openapi.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            JsonNode post = p.getValue().path("post");
            JsonNode schema = post.path("requestBody").path("content").path("application/json").path("schema");
            if (post.isMissingNode() || !schema.has("properties") || p.getKey().equals("/api/login")) {
                continue;
            }
            Map<String, Object> body = new HashMap<>();
            schema.path("properties").fields().forEachRemaining(f -> {
                if (f.getValue().path("type").asText().equals("string")) {
                    body.put(f.getKey(), f.getKey().equals("text") ? longest : longer);
                }
            });
            String path = p.getKey().replace("{number}", "1000").replace("{id}", "1").replace("{token}", "t")
                    .replace("{username}", "nobody");
            for (Map.Entry<String, Browser> c : callers.entrySet()) {
                int status = send("POST", path, body, c.getValue()).statusCode();
                if (status >= 500) {
                    wrong.add("POST " + p.getKey() + " as " + c.getKey() + ": " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
