package org.redress.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.redress.app.channels.ChannelRegistry;
import org.redress.app.desk.Replies;
import org.redress.app.intake.DeskIntake;
import org.redress.app.store.Complaints;
import org.redress.app.store.Database;
import org.redress.app.store.Promises;
import org.redress.app.store.Remedies;
import org.redress.app.store.Users;
import org.redress.app.store.TestDatabases;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelContext;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.ChannelSettings;
import org.redress.core.classify.Triage;
import org.redress.core.guard.ReplyGuard;
import org.redress.core.intake.IntakeRunner;
import org.redress.core.promise.PromiseExtractor;
import org.redress.core.remedy.RemedyCatalogue;
import org.redress.core.routing.RoutingTable;
import org.redress.core.sla.SlaPolicy;
import org.redress.core.staff.Role;
import org.redress.app.engine.DeskNode;

/**
 * The REST API over HTTP against a real H2 desk: the route table and the OpenAPI document agree (paths,
 * methods, access, and the documented required fields of every response the tests get); every route walked
 * with every role; the reply flow with the guard, its override, promises and the outbox; conflicts, CSRF and
 * the sign-in limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeskServerTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path dir;

    Database db;
    DeskServer server;
    String base;
    JsonNode openapi;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        db = Database.open(TestDatabases.fresh("h2", dir), 4);
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        for (int i = 0; i < 3; i++) {
            Files.writeString(inbox.resolve("0" + i + ".eml"), "Message-ID: <c" + i + "@customer.example>\r\nFrom: Ana Pop <ana" + i
                    + "@customer.example>\r\nTo: support@desk.example\r\nSubject: Parcel " + i + " never arrived\r\n"
                    + "Date: Tue, 24 Nov 2026 09:00:00 +0000\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                    + "My parcel " + i + " never arrived and nobody answers.\r\n", StandardCharsets.UTF_8);
        }
        SlaPolicy sla = SlaPolicy.standard(DeskNode.CALENDAR);
        ChannelPlugin email = ChannelRegistry.discover().require("email");
        try (Channel channel = email.open(ChannelSettings.validate(email.descriptor(), Map.of("path", inbox.toString())),
                new ChannelContext("support", CLOCK))) {
            new IntakeRunner(new DeskIntake(db, "email", new Triage(Triage.Policy.standard(), Optional.empty()),
                    text -> Optional.of("en"), new RoutingTable(Map.of(), "front-desk"), CLOCK, false, sla), 10).drain("support", channel);
        }
        Users users = new Users(db, CLOCK);
        users.add("ana", "Ana", Role.AGENT, "front-desk", PASSWORD);
        users.add("sam", "Sam", Role.SENIOR, "front-desk", PASSWORD);
        users.add("sue", "Sue", Role.SUPERVISOR, "front-desk", PASSWORD);
        users.add("eve", "Eve", Role.EXECUTIVE, null, PASSWORD);
        users.add("adam", "Adam", Role.ADMIN, null, PASSWORD);
        Complaints complaints = new Complaints(db, sla, CLOCK);
        Promises promises = new Promises(db);
        server = new DeskServer(db, users, complaints, promises, new Remedies(db, complaints, RemedyCatalogue.standard("EUR"), CLOCK),
                new Replies(complaints, promises, new ReplyGuard(new PromiseExtractor(DeskNode.CALENDAR), Optional.empty()), CLOCK),
                null, text -> Optional.of("en"), CLOCK);
        server.withCtiSpool(dir.resolve("cti.jsonl"));
        base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
        openapi = JSON.readTree(DeskServer.class.getResourceAsStream("/openapi.json"));
    }

    @AfterAll
    void stop() {
        server.close();
        db.close();
    }

    /** A signed-in browser: its cookie and CSRF token. */
    record Browser(String cookie, String csrf) {
    }

    Browser login(String user) throws Exception {
        HttpResponse<String> r = send("POST", "/api/login", Map.of("username", user, "password", PASSWORD), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly").contains("SameSite=Strict");
        return new Browser(cookie, JSON.readTree(r.body()).get("csrf").asText());
    }

    HttpResponse<String> send(String method, String path, Object body, Browser as) throws Exception {
        return send(method, path, body, as, true);
    }

    HttpResponse<String> send(String method, String path, Object body, Browser as, boolean withCsrf) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
        if (as != null && as.cookie() != null) {
            b.header("Cookie", as.cookie());
            if (withCsrf) {
                b.header("X-CSRF-Token", as.csrf());
            }
        }
        if (as != null && as.cookie() == null) {
            b.header("Authorization", "Bearer " + as.csrf());
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        conformsToOpenapi(method, path, r);
        return r;
    }

    /** The response's status is documented for the route, and its body has every required field of the documented schema. */
    void conformsToOpenapi(String method, String path, HttpResponse<String> r) throws Exception {
        String template = server.routes().stream().filter(x -> x.method().equals(method) && matches(x.path(), path.replaceAll("\\?.*", "")))
                .map(DeskServer.Route::path).findFirst().orElse(null);
        if (template == null) {
            return;
        }
        JsonNode response = openapi.path("paths").path(template).path(method.toLowerCase()).path("responses").path(String.valueOf(r.statusCode()));
        assertThat(response.isMissingNode()).as(method + " " + template + " answered " + r.statusCode() + ", which the OpenAPI document does not list: " + r.body()).isFalse();
        JsonNode schema = response.path("content").path("application/json").path("schema");
        if (!schema.isMissingNode()) {
            checkRequired(resolve(schema), JSON.readTree(r.body()), method + " " + template + " " + r.statusCode());
        }
    }

    JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            return openapi.at(schema.get("$ref").asText().substring(1));
        }
        return schema;
    }

    void checkRequired(JsonNode schema, JsonNode value, String where) {
        for (JsonNode field : schema.path("required")) {
            assertThat(value.has(field.asText())).as(where + ": the documented field '" + field.asText() + "' is missing in " + value).isTrue();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode v = value.get(p.getKey());
            JsonNode s = resolve(p.getValue());
            if (v != null && s.path("type").asText().equals("array") && v.isArray()) {
                for (JsonNode item : v) {
                    checkRequired(resolve(s.path("items")), item, where + "." + p.getKey());
                }
            }
        }
    }

    static boolean matches(String template, String path) {
        return path.matches(template.replaceAll("\\{[^}]+}", "[^/]+"));
    }

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
    void every_route_answers_every_role_as_its_access_says() throws Exception {
        Map<String, Browser> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        for (String u : List.of("ana", "sam", "sue", "eve", "adam")) {
            callers.put(u, login(u));
        }
        callers.put("ana-token", new Browser(null, new Users(db, CLOCK).createToken("ana", "test")));
        List<String> wrong = new ArrayList<>();
        for (DeskServer.Route r : server.routes()) {
            if (r.path().equals("/api/logout") || r.path().equals("/api/login")) {
                continue;
            }
            String path = r.path().replace("{number}", "1000").replace("{id}", "999999").replace("{token}", "not-a-token");
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
                int expectedDenial = c.getValue() == null ? 401 : 403;
                if (allowed ? (status == 401 || status == 403) : status != expectedDenial) {
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
        HttpResponse<String> twice = send("POST", "/api/complaints/" + n + "/transfer", Map.of("toTeam", "sales", "reason", "x",
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
            DeskIntake intake = new DeskIntake(db, "phone-log", new Triage(Triage.Policy.standard(), Optional.empty()), text -> Optional.of("en"),
                    new RoutingTable(Map.of(), "front-desk"), CLOCK, false, SlaPolicy.standard(DeskNode.CALENDAR));
            new IntakeRunner(intake, 10).drain("phones", channel);
            assertThat(intake.counts().created()).isEqualTo(1);
        }
        List<String> callers = db.jdbi().withHandle(h -> h.createQuery("select e.author from complaint_entry e join complaint c on "
                + "c.number = e.complaint_number where c.channel = 'phones'").mapTo(String.class).list());
        assertThat(callers).contains("+40721999888");
    }

    // ---- the console over plain HTTP (ConsoleBrowserTest drives it in a real browser) ----------------------

    HttpResponse<String> page(String path, Browser as, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (as != null) {
            b.header("Cookie", as.cookie());
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> form(String path, Browser as, String... fields) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(java.net.URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (as != null) {
            b.header("Cookie", as.cookie());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    long entries(long number, String kind) {
        return db.jdbi().withHandle(h -> h.createQuery("select count(*) from complaint_entry where complaint_number = :n and kind = :k")
                .bind("n", number).bind("k", kind).mapTo(Long.class).one());
    }

    long versionOf(long number) {
        return db.jdbi().withHandle(h -> h.createQuery("select version from complaint where number = :n").bind("n", number).mapTo(Long.class).one());
    }

    long someComplaint() {
        return db.jdbi().withHandle(h -> h.createQuery("select min(number) from complaint").mapTo(Long.class).one());
    }

    @Test
    void the_root_opens_the_console_and_unknown_paths_answer_in_their_own_kind() throws Exception {
        HttpResponse<String> root = page("/", null);
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValue("/console");
        HttpResponse<String> console = page("/console?view=all", null);
        assertThat(console.statusCode()).isEqualTo(302);
        assertThat(console.headers().firstValue("Location")).hasValue("/login?next=%2Fconsole%3Fview%3Dall");
        HttpResponse<String> login = page("/login", null);
        assertThat(login.statusCode()).isEqualTo(200);
        String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe");
        HttpResponse<String> missing = page("/console/no-such-page", login("ana"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        HttpResponse<String> api = page("/api/nothing", null);
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).contains("no such endpoint");
        HttpResponse<String> noComplaint = page("/console/complaints/99999999", login("ana"));
        assertThat(noComplaint.statusCode()).isEqualTo(404);
        assertThat(noComplaint.body()).contains("99999999").startsWith("<!doctype html>");
    }

    @Test
    void the_sign_in_form_needs_its_own_token_and_sends_nobody_to_another_site() throws Exception {
        HttpResponse<String> forged = form("/login", null, "username", "ana", "password", PASSWORD, "token", "made-up");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(DeskServer.SESSION_COOKIE + "="));

        HttpResponse<String> page = page("/login", null);
        String token = page.body().replaceAll("(?s).*name=\"token\" value=\"([^\"]+)\".*", "$1");
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpRequest signIn = HttpRequest.newBuilder(URI.create(base + "/login")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=ana&password=" + java.net.URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                        + "&token=" + token + "&next=" + java.net.URLEncoder.encode("//evil.example/x", StandardCharsets.UTF_8))).build();
        HttpResponse<String> in = http.send(signIn, HttpResponse.BodyHandlers.ofString());
        assertThat(in.statusCode()).isEqualTo(302);
        assertThat(in.headers().firstValue("Location")).hasValue("/console");
        assertThat(in.headers().firstValue("Set-Cookie").orElseThrow()).startsWith(DeskServer.SESSION_COOKIE + "=").contains("HttpOnly");
    }

    @Test
    void a_console_form_without_the_sessions_csrf_token_changes_nothing() throws Exception {
        Browser ana = login("ana");
        long number = someComplaint();
        long notes = entries(number, "note");
        HttpResponse<String> forged = form("/console/complaints/" + number + "/note", ana, "text", "from another site",
                "version", String.valueOf(versionOf(number)));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("CSRF");
        assertThat(entries(number, "note")).isEqualTo(notes);

        HttpResponse<String> real = form("/console/complaints/" + number + "/note", ana, "csrf", ana.csrf(), "text", "customer called again",
                "version", String.valueOf(versionOf(number)));
        assertThat(real.statusCode()).isEqualTo(303);
        assertThat(real.headers().firstValue("Location")).hasValue("/console/complaints/" + number + "?done=note");
        assertThat(entries(number, "note")).isEqualTo(notes + 1);

        HttpResponse<String> stale = form("/console/complaints/" + number + "/note", ana, "csrf", ana.csrf(), "text", "written on an old page",
                "version", String.valueOf(versionOf(number) - 1));
        assertThat(stale.statusCode()).isEqualTo(409);
        // nothing overwritten, and nothing the agent wrote lost: the fresh page holds the note again
        assertThat(stale.body()).contains(">written on an old page</textarea>").contains("id=\"note-error\"");
        assertThat(entries(number, "note")).isEqualTo(notes + 1);
    }

    @Test
    void a_console_reply_that_breaks_a_rule_comes_back_with_its_findings_and_goes_out_only_with_a_reason() throws Exception {
        Browser ana = login("ana");
        long number = someComplaint();
        long replies = entries(number, "reply");
        HttpResponse<String> refused = form("/console/complaints/" + number + "/reply", ana, "csrf", ana.csrf(),
                "text", "I don't know, that is not my department.", "version", String.valueOf(versionOf(number)), "eta", "2026-11-25T12:00");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("data-code=\"ADMITS_NOT_KNOWING\"").contains(">I don't know, that is not my department.</textarea>")
                .contains("id=\"override-box\" class=\"override\">").contains("value=\"2026-11-25T12:00\"");
        assertThat(entries(number, "reply")).isEqualTo(replies);

        HttpResponse<String> sent = form("/console/complaints/" + number + "/reply", ana, "csrf", ana.csrf(),
                "text", "I don't know yet, and I am finding out.", "version", String.valueOf(versionOf(number)), "eta", "2026-11-25T12:00",
                "override", "the customer asked for a plain answer");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
        assertThat(entries(number, "reply")).isEqualTo(replies + 1);
        // the picked time is a promise the desk now tracks, due in the desk's zone (UTC here)
        long promised = db.jdbi().withHandle(h -> h.createQuery("select count(*) from promise where complaint_number = :n and due_at = :d")
                .bind("n", number).bind("d", java.time.OffsetDateTime.parse("2026-11-25T12:00:00Z")).mapTo(Long.class).one());
        assertThat(promised).isEqualTo(1);
        List<String> reasons = db.jdbi().withHandle(h -> h.createQuery("select reason from audit_record where complaint_number = :n "
                + "and action = 'guard-override'").bind("n", number).mapTo(String.class).list());
        assertThat(reasons).contains("the customer asked for a plain answer");
    }

    @Test
    void an_agent_proposes_a_remedy_in_the_console_and_a_supervisor_approves_what_is_above_the_agents_cap() throws Exception {
        Browser ana = login("ana");
        long number = someComplaint();
        long before = db.jdbi().withHandle(h -> h.createQuery("select count(*) from remedy").mapTo(Long.class).one());
        HttpResponse<String> bad = form("/console/complaints/" + number + "/remedy", ana, "csrf", ana.csrf(), "kind", "refund",
                "claimed", "twelve", "offered", "12", "reason", "late parcel");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("claimed: an amount such as 25 or 19.90, got 'twelve'");
        HttpResponse<String> small = form("/console/complaints/" + number + "/remedy", ana, "csrf", ana.csrf(), "kind", "voucher",
                "claimed", "12,50", "offered", "10", "reason", "late parcel");
        assertThat(small.headers().firstValue("Location")).hasValue("/console/complaints/" + number + "?done=granted");
        HttpResponse<String> large = form("/console/complaints/" + number + "/remedy", ana, "csrf", ana.csrf(), "kind", "refund",
                "claimed", "400", "offered", "400", "reason", "the parcel was lost");
        assertThat(large.headers().firstValue("Location")).hasValue("/console/complaints/" + number + "?done=proposed");
        long after = db.jdbi().withHandle(h -> h.createQuery("select count(*) from remedy").mapTo(Long.class).one());
        assertThat(after).isEqualTo(before + 2);
        assertThat(page("/console/complaints/" + number, ana).body()).contains("remedy-GRANTED").contains("remedy-AWAITING_APPROVAL");

        Browser sue = login("sue");
        long id = db.jdbi().withHandle(h -> h.createQuery("select max(id) from remedy where state = 'AWAITING_APPROVAL'").mapTo(Long.class).one());
        assertThat(page("/console/supervisor", sue).body()).contains("action=\"/console/remedies/" + id + "/decision\"");
        HttpResponse<String> approved = form("/console/remedies/" + id + "/decision", sue, "csrf", sue.csrf(), "version", "0",
                "reason", "lost parcel, paid in full", "decision", "approve");
        assertThat(approved.statusCode()).isEqualTo(303);
        String state = db.jdbi().withHandle(h -> h.createQuery("select state from remedy where id = :id").bind("id", id).mapTo(String.class).one());
        assertThat(state).isEqualTo("GRANTED");
        HttpResponse<String> twice = form("/console/remedies/" + id + "/decision", sue, "csrf", sue.csrf(), "version", "0",
                "reason", "again", "decision", "reject");
        assertThat(twice.statusCode()).isEqualTo(409);
    }

    @Test
    void a_complaint_offered_to_another_team_stays_with_its_owner_until_that_team_accepts_it() throws Exception {
        new Users(db, CLOCK).add("bill", "Bill", Role.AGENT, "billing", PASSWORD);
        Browser ana = login("ana");
        long number = db.jdbi().withHandle(h -> h.createQuery("select max(number) from complaint").mapTo(Long.class).one());
        form("/console/complaints/" + number + "/take", ana, "csrf", ana.csrf(), "version", String.valueOf(versionOf(number)));
        HttpResponse<String> offered = form("/console/complaints/" + number + "/transfer", ana, "csrf", ana.csrf(),
                "version", String.valueOf(versionOf(number)), "toTeam", "billing", "reason", "a double charge: billing can refund it");
        assertThat(offered.headers().firstValue("Location")).hasValue("/console/complaints/" + number + "?done=transfer-requested");
        String owner = db.jdbi().withHandle(h -> h.createQuery("select owner || '@' || team from complaint where number = :n")
                .bind("n", number).mapTo(String.class).one());
        assertThat(owner).isEqualTo("ana@front-desk");

        Browser bill = login("bill");
        assertThat(page("/console?view=offered", bill).body()).contains("href=\"/console/complaints/" + number + "\"");
        HttpResponse<String> seen = page("/console/complaints/" + number, bill);
        assertThat(seen.body()).contains("a double charge: billing can refund it").contains("id=\"transfer-accept\"");
        assertThat(page("/console/complaints/" + number, ana).body()).doesNotContain("id=\"transfer-accept\"");
        HttpResponse<String> accepted = form("/console/complaints/" + number + "/transfer/accept", bill, "csrf", bill.csrf(),
                "version", String.valueOf(versionOf(number)));
        assertThat(accepted.statusCode()).isEqualTo(303);
        String now = db.jdbi().withHandle(h -> h.createQuery("select owner || '@' || team from complaint where number = :n")
                .bind("n", number).mapTo(String.class).one());
        assertThat(now).isEqualTo("bill@billing");
        assertThat(page("/console?view=offered", bill).body()).doesNotContain("href=\"/console/complaints/" + number + "\"");
    }

    @Test
    void the_console_speaks_the_browsers_language_or_the_one_chosen() throws Exception {
        HttpResponse<String> ro = page("/login", null, "Accept-Language", "ro-RO,ro;q=0.9,en;q=0.5");
        assertThat(ro.body()).contains("<html lang=\"ro\">").contains("Autentificare").contains("Parolă");
        HttpResponse<String> chosen = page("/login", null, "Accept-Language", "ro", "Cookie", Console.LANG_COOKIE + "=en");
        assertThat(chosen.body()).contains("<html lang=\"en\">").contains("Sign in");
        HttpResponse<String> switched = page("/console/lang/ro?back=%2Fconsole%3Fview%3Dall", null);
        assertThat(switched.headers().firstValue("Set-Cookie").orElseThrow()).startsWith(Console.LANG_COOKIE + "=ro");
        assertThat(switched.headers().firstValue("Location")).hasValue("/console?view=all");
        assertThat(page("/console/lang/ro?back=https://evil.example/", null).headers().firstValue("Location")).hasValue("/console");
        assertThat(org.redress.app.web.console.Texts.of("ro").keys()).isEqualTo(org.redress.app.web.console.Texts.of("en").keys());
    }

    @Test
    void roles_decide_which_console_pages_open() throws Exception {
        assertThat(page("/console/supervisor", login("ana")).statusCode()).isEqualTo(403);
        assertThat(page("/console/admin", login("sue")).statusCode()).isEqualTo(403);
        HttpResponse<String> sup = page("/console/supervisor", login("sue"));
        assertThat(sup.statusCode()).isEqualTo(200);
        assertThat(sup.body()).contains("<svg role=\"img\"").contains("id=\"declare-form\"");
        HttpResponse<String> admin = page("/console/admin", login("adam"));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("table class=\"users\"");
        assertThat(page("/console", login("adam")).statusCode()).isEqualTo(403);
    }

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
