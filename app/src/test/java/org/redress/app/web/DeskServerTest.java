package org.redress.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.redress.app.channels.ChannelRegistry;
import org.redress.app.intake.DeskIntake;
import org.redress.app.store.Promises;
import org.redress.app.store.Users;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelContext;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.ChannelSettings;
import org.redress.core.intake.IntakeRunner;
import org.redress.core.staff.Role;

/**
 * The REST API over HTTP against a real H2 desk: the route table and the OpenAPI document agree (paths,
 * methods, access, and the documented required fields of every response the tests get); every route walked
 * with every role; the reply flow with the guard, its override, promises and the outbox; conflicts, CSRF and
 * the sign-in limit.
 */
class DeskServerTest extends DeskHttpFixture {

    @Test
    void the_route_table_and_the_openapi_document_name_the_same_routes_and_access() {
        Set<String> implemented = new TreeSet<>();
        server.routes().forEach(r -> implemented.add(r.method() + " " + r.path() + " " + r.access().name().toLowerCase().replace('_', '-')));
        Set<String> documented = new TreeSet<>();
        openapi.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m ->
                documented.add(m.getKey().toUpperCase() + " " + p.getKey() + " " + m.getValue().path("x-access").asText())));
        assertThat(implemented).isEqualTo(documented);
    }

    @Test
    void the_session_cookie_is_secure_when_the_browser_came_over_tls_through_a_proxy() throws Exception {
        String body = JSON.writeValueAsString(Map.of("username", "ana", "password", PASSWORD));
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> proxied = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/login"))
                .header("Content-Type", "application/json").header("X-Forwarded-Proto", "https")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(proxied.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly").contains("; Secure");
        java.net.http.HttpResponse<String> plain = send("POST", "/api/login", Map.of("username", "ana", "password", PASSWORD), null);
        assertThat(plain.headers().firstValue("Set-Cookie").orElseThrow()).as("plain HTTP on a developer's machine")
                .doesNotContain("Secure");
    }

    @Test
    void every_route_answers_every_role_as_its_access_says() throws Exception {
        Map<String, Browser> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        for (String u : List.of("ana", "oto", "sam", "sue", "eve", "adam")) {
            callers.put(u, login(u));
        }
        callers.put("ana-token", new Browser(null, new Users(db, CLOCK).createToken("ana", "test")));
        List<String> wrong = new ArrayList<>();
        for (Route r : server.routes()) {
            if (r.path().equals("/api/logout") || r.path().equals("/api/login")) {
                continue;
            }
            String path = r.path().replace("{number}", "1000").replace("{id}", "999999").replace("{token}", "not-a-token")
                    .replace("{username}", "nobody");
            for (Map.Entry<String, Browser> c : callers.entrySet()) {
                int status = send(r.method(), path, r.method().equals("POST") ? Map.of() : null, c.getValue()).statusCode();
                String role = c.getKey().replace("-token", "");
                boolean allowed = switch (r.access()) {
                    case PUBLIC -> true;
                    case SIGNED_IN -> c.getValue() != null;
                    case AGENT -> c.getValue() != null && !role.equals("adam");
                    case SUPERVISOR -> Set.of("sue", "eve").contains(role);
                    case ADMIN -> role.equals("adam");
                };
                // the cross-team dimension: complaint 1000 is front-desk's, and no transfer of it is offered to anyone
                boolean acrossTheBorder = (role.equals("oto") && r.path().contains("{number}"))
                        || (role.equals("ana") && r.path().matches(".*/transfer/(accept|decline)"));
                if (allowed && acrossTheBorder) {
                    allowed = false;
                }
                int expectedDenial = c.getValue() == null ? 401 : 403;
                if (status >= 500) {
                    wrong.add(r.method() + " " + r.path() + " as " + c.getKey() + ": " + status + " (a server error is never an answer)");
                } else if (allowed ? (status == 401 || status == 403) : status != expectedDenial) {
                    wrong.add(r.method() + " " + r.path() + " as " + c.getKey() + ": " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void a_reply_is_guarded_overridden_with_a_reason_stored_promised_and_owed_and_stale_versions_conflict() throws Exception {
        Browser ana = login("ana");
        JsonNode c = JSON.readTree(send("GET", "/api/complaints/1001", null, ana).body());
        long version = c.get("version").asLong();
        assertThat(c.get("timeline").get(0).get("kind").asText()).isEqualTo("inbound");

        HttpResponse<String> draft = send("POST", "/api/complaints/1001/check-reply", Map.of("text", "I don't know, that's not my job."), ana);
        assertThat(JSON.readTree(draft.body()).get("blocked").asBoolean()).isTrue();

        HttpResponse<String> blocked = send("POST", "/api/complaints/1001/replies", Map.of("text", "I don't know, that's not my job.",
                "version", version), ana);
        assertThat(blocked.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(blocked.body()).get("findings").get(0).get("suggestion").asText()).isNotBlank();

        HttpResponse<String> noCsrf = send("POST", "/api/complaints/1001/notes", Map.of("text", "x", "version", version), ana, false);
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(noCsrf.body()).contains("CSRF");

        HttpResponse<String> sent = send("POST", "/api/complaints/1001/replies", Map.of("text",
                "I am sorry your parcel has not arrived. I have asked the courier to trace it and I will call you back tomorrow by 12:00.",
                "version", version), ana);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        JsonNode s = JSON.readTree(sent.body());
        assertThat(s.get("promises")).hasSize(1);
        long after = s.get("version").asLong();

        HttpResponse<String> stale = send("POST", "/api/complaints/1001/notes", Map.of("text", "late note", "version", version), ana);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("changed by someone else").contains("nothing was overwritten");

        HttpResponse<String> overridden = send("POST", "/api/complaints/1001/replies", Map.of("text", "I don't know yet.",
                "version", after, "override", Map.of("reason", "the customer asked for a straight answer")), ana);
        assertThat(overridden.statusCode()).as(overridden.body()).isEqualTo(201);

        HttpResponse<String> illegal = send("POST", "/api/complaints/1001/transitions", Map.of("to", "decision_communicated",
                "version", JSON.readTree(overridden.body()).get("version").asLong()), ana);
        assertThat(illegal.statusCode()).isEqualTo(422);
        assertThat(illegal.body()).contains("RECEIVED");

        JsonNode full = JSON.readTree(send("GET", "/api/complaints/1001", null, ana).body());
        assertThat(full.get("promises").get(0).get("state").asText()).isEqualTo("OPEN");
        List<String> actions = new ArrayList<>();
        full.get("audit").forEach(a -> actions.add(a.get("action").asText() + ":" + a.get("actor").asText()));
        assertThat(actions).contains("guard-override:ana");
        List<String> owed = db.jdbi().withHandle(h -> h.createQuery("select subject from outbound_message where reply_id like 'reply-1001-%' order by created_at")
                .mapTo(String.class).list());
        assertThat(owed).hasSize(2).allSatisfy(subject -> assertThat(subject).isEqualTo("Re: Parcel 1 never arrived [#1001]"));
    }

    @Test
    void the_queue_filters_and_wrong_input_is_named() throws Exception {
        Browser sue = login("sue");
        JsonNode q = JSON.readTree(send("GET", "/api/complaints?unassigned=true&limit=2", null, sue).body());
        assertThat(q.get("complaints")).hasSize(2);
        assertThat(send("GET", "/api/complaints?limit=0", null, sue).body()).contains("limit: between 1 and 500");
        JsonNode found = JSON.readTree(send("GET", "/api/complaints?q=parcel%202", null, sue).body());
        assertThat(found.get("complaints")).singleElement().satisfies(c -> assertThat(c.get("number").asLong()).isEqualTo(1002));
        assertThat(JSON.readTree(send("GET", "/api/complaints?q=%231001", null, sue).body()).get("complaints")).hasSize(1);
        assertThat(send("GET", "/api/complaints?status=lost", null, sue).body()).contains("status: one of");
        assertThat(send("GET", "/api/complaints/424242", null, sue).statusCode()).isEqualTo(404);
        HttpResponse<String> bad = send("POST", "/api/complaints/1000/notes", Map.of("text", "x"), sue);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("version: required");
    }

    @Test
    void a_complaint_taken_on_the_phone_is_triaged_routed_and_tracked() throws Exception {
        Browser ana = login("ana");
        HttpResponse<String> created = send("POST", "/api/complaints", Map.of("via", "phone", "customer",
                Map.of("name", "Radu", "phone", "+40721000222"), "text", "My internet has been down for three days and I work from home. "
                        + "If it is not fixed today I will report you to the regulator."), ana);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode c = JSON.readTree(created.body());
        assertThat(c.get("channel").asText()).isEqualTo("desk:phone");
        assertThat(c.get("escalation").asText()).isEqualTo("SUPERVISOR");
        assertThat(c.get("slaClocks").size()).isEqualTo(3);
        assertThat(send("POST", "/api/complaints", Map.of("via", "fax", "text", "x"), ana).body()).contains("via: one of walk-in, phone, web-form");
        assertThat(send("POST", "/api/complaints", Map.of("via", "walk-in", "customer", Map.of("name", "Nobody"), "text", "x"), ana).body())
                .contains("an email or a phone number is required");
    }

    @Test
    void a_remedy_above_the_agents_cap_waits_for_a_supervisor() throws Exception {
        Browser ana = login("ana");
        JsonNode r = JSON.readTree(send("POST", "/api/complaints/1002/remedies", Map.of("kind", "refund", "claimed", "180",
                "offered", "180", "currency", "EUR", "reason", "double charge"), ana).body());
        assertThat(r.get("state").asText()).isEqualTo("AWAITING_APPROVAL");
        Browser sue = login("sue");
        HttpResponse<String> decided = send("POST", "/api/remedies/" + r.get("id").asLong() + "/decision",
                Map.of("approve", true, "reason", "ledger confirms it", "version", 0), sue);
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        assertThat(JSON.readTree(decided.body()).get("state").asText()).isEqualTo("GRANTED");
    }

    @Test
    void a_supervisor_declares_an_incident_links_complaints_and_resolves_it_with_one_message_to_all() throws Exception {
        Browser sue = login("sue");
        HttpResponse<String> declared = send("POST", "/api/incidents", Map.of("title", "Courier depot closed", "category", "other",
                "eta", "2026-11-25T12:00:00Z", "complaints", List.of(1000, 1001)), sue);
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        JsonNode i = JSON.readTree(declared.body());
        long id = i.get("id").asLong();
        assertThat(i.get("complaints")).hasSize(2);
        JsonNode linked = JSON.readTree(send("POST", "/api/incidents/" + id + "/links", Map.of("complaint", 1002), sue).body());
        assertThat(linked.get("complaints")).hasSize(3);
        HttpResponse<String> resolved = send("POST", "/api/incidents/" + id + "/resolution",
                Map.of("message", "The depot is open again and your parcel is on its way.", "version", linked.get("version").asLong()), sue);
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        assertThat(JSON.readTree(resolved.body()).get("state").asText()).isEqualTo("RESOLVED");
        List<String> owed = db.jdbi().withHandle(h -> h.createQuery("select reply_id from outbound_message where reply_id like :p order by reply_id")
                .bind("p", "incident-" + id + "-%").mapTo(String.class).list());
        assertThat(owed).containsExactlyInAnyOrder("incident-" + id + "-linked-1000", "incident-" + id + "-linked-1001",
                "incident-" + id + "-linked-1002", "incident-" + id + "-resolved-1000", "incident-" + id + "-resolved-1001",
                "incident-" + id + "-resolved-1002");
        JsonNode c = JSON.readTree(send("GET", "/api/complaints/1002", null, sue).body());
        List<String> events = new ArrayList<>();
        c.get("timeline").forEach(t -> events.add(t.path("event").asText(t.get("kind").asText())));
        assertThat(events).contains("incident-linked", "incident-resolved");
        assertThat(send("POST", "/api/incidents/" + id + "/resolution", Map.of("message", "again", "version",
                JSON.readTree(resolved.body()).get("version").asLong()), sue).statusCode()).isEqualTo(422);
    }

    @Test
    void a_customer_is_merged_exported_and_erased() throws Exception {
        Browser ana = login("ana");
        JsonNode one = JSON.readTree(send("POST", "/api/complaints", Map.of("via", "web-form", "customer", Map.of("name", "Irina",
                "email", "irina@home.example"), "text", "My modem never arrived."), ana).body());
        JsonNode two = JSON.readTree(send("POST", "/api/complaints", Map.of("via", "phone", "customer", Map.of("name", "Irina",
                "phone", "+40722333444"), "text", "Calling about the modem that never arrived."), ana).body());
        long first = one.get("customer").asLong();
        long second = two.get("customer").asLong();
        Browser sue = login("sue");
        JsonNode merged = JSON.readTree(send("POST", "/api/customers/" + second + "/merge", Map.of("into", first, "reason", "same person"), sue).body());
        assertThat(merged.get("identities")).hasSize(2);
        assertThat(merged.get("complaints")).hasSize(2);
        assertThat(send("GET", "/api/customers/" + second, null, ana).statusCode()).isEqualTo(404);
        JsonNode export = JSON.readTree(send("GET", "/api/customers/" + first + "/export", null, sue).body());
        assertThat(export.get("messages").toString()).contains("never arrived");

        Browser adam = login("adam");
        HttpResponse<String> erased = send("POST", "/api/customers/" + first + "/erase", Map.of("reason", "GDPR request 2026-117"), adam);
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        JsonNode after = JSON.readTree(send("GET", "/api/customers/" + first + "/export", null, sue).body());
        assertThat(after.toString()).doesNotContain("never arrived").doesNotContain("irina@home.example").doesNotContain("Irina");
        assertThat(after.get("identities")).isEmpty();
        JsonNode complaint = JSON.readTree(send("GET", "/api/complaints/" + two.get("number").asLong(), null, ana).body());
        List<String> actions = new ArrayList<>();
        complaint.get("audit").forEach(a -> actions.add(a.get("action").asText()));
        assertThat(actions).contains("customer", "erase-personal-data");
        long raw = db.jdbi().withHandle(h -> h.createQuery("select count(*) from inbound_message where complaint_number in (:a, :b) "
                + "and length(raw) > 0").bind("a", one.get("number").asLong()).bind("b", two.get("number").asLong()).mapTo(Long.class).one());
        assertThat(raw).isZero();
    }

    @Test
    void a_transfer_waits_for_the_receiving_team_and_a_promise_is_marked_kept() throws Exception {
        Browser ana = login("ana");
        JsonNode c = JSON.readTree(send("POST", "/api/complaints", Map.of("via", "walk-in", "customer", Map.of("name", "Vlad",
                "phone", "+40723000555"), "text", "The technician did not come. Call me back by 16:00 please."), ana).body());
        long n = c.get("number").asLong();
        JsonNode asked = JSON.readTree(send("POST", "/api/complaints/" + n + "/transfer", Map.of("toTeam", "field-service",
                "reason", "needs a technician", "version", c.get("version").asLong()), ana).body());
        assertThat(asked.get("pendingTransfer").asText()).isEqualTo("field-service");
        HttpResponse<String> twice = send("POST", "/api/complaints/" + n + "/transfer", Map.of("toTeam", "front-desk", "reason", "x",
                "version", asked.get("version").asLong()), ana);
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(twice.body()).contains("already has a transfer to field-service");
        Browser sam = login("sam");
        JsonNode accepted = JSON.readTree(send("POST", "/api/complaints/" + n + "/transfer/accept", Map.of("version",
                asked.get("version").asLong()), sam).body());
        assertThat(accepted.get("team").asText()).isEqualTo("field-service");
        assertThat(accepted.get("owner").asText()).isEqualTo("sam");

        long promise = new Promises(db).add(new org.redress.core.complaint.Complaint.Number(n), "sam", "call back by 16:00",
                CLOCK.instant(), CLOCK.instant().plusSeconds(3600), org.redress.core.promise.Promise.Source.REPLY).id().value();
        JsonNode kept = JSON.readTree(send("POST", "/api/promises/" + promise + "/kept", null, sam).body());
        assertThat(kept.get("state").asText()).isEqualTo("KEPT");
        assertThat(send("POST", "/api/promises/" + promise + "/kept", null, sam).statusCode()).isEqualTo(422);
    }

    @Test
    void saved_replies_pass_the_guard_and_the_decision_asks_once_how_satisfied_the_customer_is() throws Exception {
        Browser sue = login("sue");
        HttpResponse<String> bad = send("POST", "/api/saved-replies", Map.of("category", "delivery", "language", "en", "title", "lost",
                "text", "I don't know where your parcel is, that is not my job."), sue);
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(bad.body()).get("findings")).isNotEmpty();
        HttpResponse<String> good = send("POST", "/api/saved-replies", Map.of("category", "delivery", "language", "en", "title", "lost",
                "text", "I am sorry your parcel is late. I have asked the courier to trace it and I will write to you by tomorrow 12:00."), sue);
        assertThat(good.statusCode()).as(good.body()).isEqualTo(201);
        assertThat(JSON.readTree(send("GET", "/api/saved-replies?category=delivery", null, login("ana")).body()).get("savedReplies")).hasSize(1);

        Browser ana = login("ana");
        JsonNode c = JSON.readTree(send("POST", "/api/complaints", Map.of("via", "web-form", "customer", Map.of("email", "petra@home.example"),
                "text", "My invoice is wrong."), ana).body());
        long n = c.get("number").asLong();
        long v = c.get("version").asLong();
        for (String to : List.of("acknowledged", "assessed", "responded", "decision_communicated")) {
            HttpResponse<String> moved = send("POST", "/api/complaints/" + n + "/transitions", Map.of("to", to, "version", v), ana);
            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
            v = JSON.readTree(moved.body()).get("version").asLong();
        }
        String question = db.jdbi().withHandle(h -> h.createQuery("select text from outbound_message where reply_id = :id")
                .bind("id", "satisfaction-" + n).mapTo(String.class).one());
        String token = question.replaceAll("(?s).*/api/satisfaction/(\\S+).*", "$1");
        assertThat(send("POST", "/api/satisfaction/" + token, Map.of("score", 9), null).statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/satisfaction/" + token, Map.of("score", 5, "comment", "quick and clear"), null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/satisfaction/" + token, Map.of("score", 1), null).statusCode()).isEqualTo(422);
        assertThat(send("POST", "/api/satisfaction/forged", Map.of("score", 1), null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/reports", null, sue).body()).contains("satisfied (4 or 5 of 5)");
    }

    @Test
    void cti_events_are_spooled_for_the_phone_log_channel_which_turns_a_missed_call_into_a_complaint() throws Exception {
        Browser token = new Browser(null, new Users(db, CLOCK).createToken("ana", "pbx"));
        assertThat(send("POST", "/api/cti", Map.of("event", "ring", "direction", "in", "callId", "c1"), token).body())
                .contains("event: newCall, answer or hangup");
        assertThat(send("POST", "/api/cti", Map.of("event", "newCall", "direction", "in", "callId", "c1", "from", "+40721999888",
                "to", "+40213000000"), token).statusCode()).isEqualTo(202);
        assertThat(send("POST", "/api/cti", Map.of("event", "hangup", "direction", "in", "callId", "c1", "from", "+40721999888",
                "to", "+40213000000", "cause", "cancel"), token).statusCode()).isEqualTo(202);
        ChannelPlugin phone = ChannelRegistry.discover().require("phone-log");
        try (Channel channel = phone.open(ChannelSettings.validate(phone.descriptor(), Map.of("file", dir.resolve("cti.jsonl").toString(),
                "format", "cti")), new ChannelContext("phones", CLOCK))) {
            DeskIntake intake = desk.intake("phone-log", false);
            new IntakeRunner(intake, 10).drain("phones", channel);
            assertThat(intake.counts().created()).isEqualTo(1);
        }
        List<String> callers = db.jdbi().withHandle(h -> h.createQuery("select e.author from complaint_entry e join complaint c on "
                + "c.number = e.complaint_number where c.channel = 'phones'").mapTo(String.class).list());
        assertThat(callers).contains("+40721999888");
    }

    // ---- the console over plain HTTP (ConsoleBrowserTest drives it in a real browser) ----------------------


    @Test
    void what_admins_do_to_the_desk_is_audited_with_their_name() throws Exception {
        Browser adam = login("adam");
        HttpResponse<String> added = send("POST", "/api/users", Map.of("username", "nina", "role", "agent", "password", "a long enough secret"), adam);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        send("POST", "/api/login", Map.of("username", "nina", "password", "wrong wrong wrong"), null);
        JsonNode trail = JSON.readTree(send("GET", "/api/audit?limit=50", null, adam).body()).get("audit");
        List<String> lines = new ArrayList<>();
        trail.forEach(a -> lines.add(a.get("actor").asText() + " " + a.get("action").asText() + " " + a.get("subject").asText()));
        assertThat(lines).contains("adam user-add nina", "nina sign-in-failed address 127.0.0.1", "adam sign-in address 127.0.0.1");
    }

    @Test
    void five_wrong_passwords_lock_sign_in_for_that_name_and_address() throws Exception {
        new Users(db, CLOCK).add("mallory", "", Role.AGENT, null, PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertThat(send("POST", "/api/login", Map.of("username", "mallory", "password", "guess " + i), null).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = send("POST", "/api/login", Map.of("username", "mallory", "password", PASSWORD), null);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    }
}
