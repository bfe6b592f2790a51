package org.redress.app.web;

import org.redress.app.desk.TestDesks;
import org.redress.app.desk.Desk;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.redress.app.channels.ChannelRegistry;
import org.redress.app.store.Database;
import org.redress.app.store.Users;
import org.redress.app.store.TestDatabases;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelContext;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.ChannelSettings;
import org.redress.core.intake.IntakeRunner;
import org.redress.core.staff.Role;

/**
 * A real H2 desk behind the desk's web server, shared by one test class: a few mails taken in, a user of each role,
 * and HTTP helpers that check every answer against the OpenAPI document.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeskHttpFixture {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path dir;

    Database db;
    Desk desk;
    DeskServer server;
    String base;
    JsonNode openapi;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        db = Database.open(TestDatabases.fresh("h2", dir), 4);
        // the mail channel the desk's intake below reads is configured, so answers to web-form complaints go by it too
        desk = TestDesks.of(db, org.redress.app.config.DeskConfig.defaults("test-node").withCtiSpool(dir.resolve("cti.jsonl"))
                .withChannels(List.of(new org.redress.app.config.DeskConfig.ChannelConfig("support", "email", Map.of()))), CLOCK);
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        for (int i = 0; i < 3; i++) {
            Files.writeString(inbox.resolve("0" + i + ".eml"), "Message-ID: <c" + i + "@customer.example>\r\nFrom: Ana Pop <ana" + i
                    + "@customer.example>\r\nTo: support@desk.example\r\nSubject: Parcel " + i + " never arrived\r\n"
                    + "Date: Tue, 24 Nov 2026 09:00:00 +0000\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                    + "My parcel " + i + " never arrived and nobody answers.\r\n", StandardCharsets.UTF_8);
        }
        ChannelPlugin email = ChannelRegistry.discover().require("email");
        try (Channel channel = email.open(ChannelSettings.validate(email.descriptor(), Map.of("path", inbox.toString(), "settle", "PT0S")),
                new ChannelContext("support", CLOCK))) {
            new IntakeRunner(desk.intake("email", false), 10).drain("support", channel);
        }
        Users users = desk.users();
        users.add("ana", "Ana", Role.AGENT, "front-desk", PASSWORD);
        // agents of other teams: across the border of front-desk's complaints
        users.add("oto", "Oto", Role.AGENT, "billing-team", PASSWORD);
        users.add("fay", "Fay", Role.AGENT, "field-service", PASSWORD);
        users.add("sam", "Sam", Role.SENIOR, "front-desk", PASSWORD);
        users.add("sue", "Sue", Role.SUPERVISOR, "front-desk", PASSWORD);
        users.add("eve", "Eve", Role.EXECUTIVE, null, PASSWORD);
        users.add("adam", "Adam", Role.ADMIN, null, PASSWORD);
        server = new DeskServer(desk, null);
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
                .map(Route::path).findFirst().orElse(null);
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

}
