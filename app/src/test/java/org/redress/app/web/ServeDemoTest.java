package org.redress.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code redress serve --demo} as a newcomer runs it, in its own JVM: it prints each role's password once and
 * says when it is ready, and through the API the demo holds what the issue lists: complaints in several languages
 * from all three channels, an outage incident with linked complaints, a promise due soon and one broken, an
 * escalation, a remedy awaiting approval.
 */
class ServeDemoTest {

    @TempDir
    Path dir;

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_demo_desk_starts_and_holds_a_living_demo() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.redress.app.Main",
                "serve", "--demo", "--port", "0", "--host", "127.0.0.1", "--db", dir.resolve("demo").toString()));
        Path log = dir.resolve("serve.log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String out = "";
            long until = System.nanoTime() + 90_000_000_000L;
            while (!out.contains("ready in") && System.nanoTime() < until && p.isAlive()) {
                Thread.sleep(200);
                out = Files.readString(log);
            }
            assertThat(out).as(out).contains("ready in");
            Matcher port = Pattern.compile("console at http://localhost:(\\d+)/").matcher(out);
            assertThat(port.find()).isTrue();
            String base = "http://127.0.0.1:" + port.group(1);
            Matcher ana = Pattern.compile("ana \\(agent\\)\\s+(\\S+)").matcher(out);
            Matcher sue = Pattern.compile("sue \\(supervisor\\)\\s+(\\S+)").matcher(out);
            assertThat(ana.find()).as(out).isTrue();
            assertThat(sue.find()).as(out).isTrue();
            assertThat(out).contains("adam (admin)").contains("sam (senior)").contains("eve (executive)");

            HttpClient http = HttpClient.newHttpClient();
            String anaCookie = login(http, base, "ana", ana.group(1));
            JsonNode queue = get(http, base + "/api/complaints?limit=100", anaCookie);
            assertThat(queue.get("complaints").size()).isGreaterThanOrEqualTo(12);
            // the console shows the same desk to the same session
            HttpResponse<String> console = http.send(HttpRequest.newBuilder(URI.create(base + "/console?view=all")).header("Cookie", anaCookie)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(console.statusCode()).isEqualTo(200);
            assertThat(console.body()).contains("href=\"/console/complaints/" + queue.get("complaints").get(0).get("number").asLong() + "\"");

            Set<String> channels = new HashSet<>();
            Set<String> languages = new HashSet<>();
            boolean escalated = false;
            boolean dueSoon = false;
            boolean broken = false;
            for (JsonNode item : queue.get("complaints")) {
                JsonNode c = get(http, base + "/api/complaints/" + item.get("number").asLong(), anaCookie);
                channels.add(c.get("channel").asText());
                languages.add(c.get("language").asText());
                escalated |= !c.get("escalation").asText().equals("AGENT");
                for (JsonNode t : c.get("timeline")) {
                    dueSoon |= t.path("event").asText().equals("promise-due-soon");
                    broken |= t.path("event").asText().equals("promise-broken");
                }
            }
            assertThat(channels).contains("demo-email", "demo-social", "demo-phone");
            assertThat(languages).contains("en", "ro", "ru");
            assertThat(escalated).isTrue();
            assertThat(broken).isTrue();
            assertThat(dueSoon).isTrue();

            String sueCookie = login(http, base, "sue", sue.group(1));
            assertThat(get(http, base + "/api/remedies", sueCookie).get("remedies")).hasSize(1);
            JsonNode report = get(http, base + "/api/reports", sueCookie);
            assertThat(report.get("complaints").asLong()).isGreaterThanOrEqualTo(12);
            assertThat(report.get("weakAreas")).isNotEmpty();
            assertThat(report.get("sla")).isNotEmpty();
            assertThat(report.get("promises").toString()).contains("ana");
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    static String login(HttpClient http, String base, String user, String password) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("username", user, "password", password))))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    static JsonNode get(HttpClient http, String url, String cookie) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
