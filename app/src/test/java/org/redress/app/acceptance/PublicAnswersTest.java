package org.redress.app.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Public or private: a customer who complains in public is answered in public, under their post, split by the
 * network's length; personal data is refused there and the agent may send privately instead; and a reply counts
 * as the first response when it reaches the customer, not when the agent pressed send. The network is a Mastodon
 * instance's API served by a stub, read and written by the desk's real social channel.
 */
class PublicAnswersTest extends AcceptanceTest {

    /** The statuses the desk posted: the form fields Mastodon's API got. */
    final List<Map<String, String>> posted = new CopyOnWriteArrayList<>();
    final List<String> mentions = new CopyOnWriteArrayList<>();
    final AtomicBoolean refusing = new AtomicBoolean();
    final AtomicInteger ids = new AtomicInteger(5000);
    final HttpServer network = start();

    private HttpServer start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            s.createContext("/api/v1/notifications", x -> {
                List<String> newestFirst = new java.util.ArrayList<>(mentions);
                java.util.Collections.reverse(newestFirst);
                answer(x, 200, "[" + String.join(",", newestFirst) + "]");
            });
            s.createContext("/api/v1/statuses", x -> {
                if (refusing.get()) {
                    answer(x, 422, "{\"error\":\"Validation failed\"}");
                    return;
                }
                Map<String, String> form = new HashMap<>();
                for (String kv : new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
                    String[] p = kv.split("=", 2);
                    form.put(p[0], URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8));
                }
                form.put("id", String.valueOf(ids.incrementAndGet()));
                posted.add(form);
                answer(x, 200, "{\"id\":\"" + form.get("id") + "\"}");
            });
            s.start();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Override
    String moreConfig() {
        return """
                  social:
                    plugin: social
                    settings:
                      network: mastodon
                      base-url: http://127.0.0.1:%d/
                      access-token: token-1
                      own-handle: acme
                      max-length: "120"
                """.formatted(network.getAddress().getPort());
    }

    @AfterAll
    void stopNetwork() {
        network.stop(0);
    }

    /** A customer mentions the desk in public. */
    void mention(String statusId, String acct, String text) {
        mentions.add("{\"id\":\"n" + statusId + "\",\"type\":\"mention\",\"status\":{\"id\":\"" + statusId + "\",\"created_at\":\""
                + Instant.now() + "\",\"content\":\"<p>" + text + "</p>\",\"visibility\":\"public\",\"language\":\"en\","
                + "\"in_reply_to_id\":null,\"account\":{\"id\":\"7" + statusId + "\",\"acct\":\"" + acct + "\",\"display_name\":\""
                + acct + "\",\"followers_count\":42,\"bot\":false}}}");
    }

    long complaintFromMention(String acct) {
        return desk.complaintFrom("mastodon:@" + acct);
    }

    List<Map<String, String>> postsAnswering(String statusId) {
        return posted.stream().filter(p -> statusId.equals(p.get("in_reply_to_id"))).toList();
    }

    @Test
    void a_public_mention_is_answered_in_public_under_the_post_and_split_by_the_networks_length() throws Exception {
        mention("900", "ann@social.example", "@acme my order 5512 is two weeks late and nobody answers");
        long number = complaintFromMention("ann@social.example");
        AcceptanceDesk.Session ana = desk.signIn("ana");
        // the acknowledgement is posted where the customer spoke: in public, under their post
        AcceptanceDesk.await(() -> !postsAnswering("900").isEmpty(), "the acknowledgement under the post");
        // the network has the post a moment before the desk has recorded it (and moved the complaint on)
        desk.awaitStatus(number, "ACKNOWLEDGED", ana);
        assertThat(postsAnswering("900").get(0).get("visibility")).isEqualTo("public");
        assertThat(postsAnswering("900").get(0).get("status")).contains("[#" + number + "]");

        String reply = "I am sorry for the wait, Ann. I have asked the courier where your parcel is, and I will post here again "
                + "by tomorrow noon with what they say and when it reaches you.";
        AcceptanceDesk.Answer sent = desk.api("POST", "/api/complaints/" + number + "/replies", Map.of("version",
                desk.complaint(number, ana).path("version").asLong(), "eta", Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                "text", reply), ana);
        assertThat(sent.status()).as(sent.json().toString()).isEqualTo(201);
        // the first part answers the customer's post, the second the first part: one thread under the complaint
        AcceptanceDesk.await(() -> postsAnswering("900").size() == 2, "the first part under the post");
        Map<String, String> first = postsAnswering("900").get(1);
        AcceptanceDesk.await(() -> postsAnswering(first.get("id")).size() == 1, "the second part under the first");
        Map<String, String> second = postsAnswering(first.get("id")).get(0);
        assertThat(first.get("status")).startsWith("I am sorry for the wait").endsWith("(1/2)");
        assertThat(second.get("status")).endsWith("(2/2)");
        assertThat(List.of(first, second)).allSatisfy(p -> {
            assertThat(p.get("visibility")).isEqualTo("public");
            assertThat(p.get("status").length()).isLessThanOrEqualTo(120);
        });
        JsonNode outgoing = desk.complaint(number, ana).path("outgoing");
        assertThat(outgoing.findValues("inPublic")).allMatch(JsonNode::asBoolean);

        // the console marks the public answer and counts its characters
        String page = consolePage(number, ana);
        assertThat(page).contains("id=\"public-note\"", "id=\"privately\"", "id=\"reply-count\"");
    }

    @Test
    void personal_data_is_refused_in_public_and_the_agent_may_send_it_privately() throws Exception {
        mention("910", "bob@social.example", "@acme you charged me twice this month");
        long number = complaintFromMention("bob@social.example");
        AcceptanceDesk.Session ana = desk.signIn("ana");
        String withAddress = "We are sorry. Please confirm the card ending you paid with to bob.smith@example.com "
                + "and we will refund the second charge by Friday 12:00.";

        AcceptanceDesk.Answer check = desk.api("POST", "/api/complaints/" + number + "/check-reply", Map.of("text", withAddress), ana);
        assertThat(check.json().path("findings").findValuesAsText("code")).contains("PERSONAL_DATA_IN_PUBLIC");
        AcceptanceDesk.Answer refused = desk.api("POST", "/api/complaints/" + number + "/replies", Map.of("version",
                desk.complaint(number, ana).path("version").asLong(), "text", withAddress), ana);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("findings").findValuesAsText("code")).contains("PERSONAL_DATA_IN_PUBLIC");

        // privately, the same words are no public disclosure: they go as a direct message
        AcceptanceDesk.Answer privately = desk.api("POST", "/api/complaints/" + number + "/check-reply",
                Map.of("text", withAddress, "privately", true), ana);
        assertThat(privately.json().path("findings").findValuesAsText("code")).doesNotContain("PERSONAL_DATA_IN_PUBLIC");
        AcceptanceDesk.Answer sent = desk.api("POST", "/api/complaints/" + number + "/replies", Map.of("version",
                desk.complaint(number, ana).path("version").asLong(), "text", withAddress, "privately", true), ana);
        assertThat(sent.status()).as(sent.json().toString()).isEqualTo(201);
        AcceptanceDesk.await(() -> posted.stream().anyMatch(p -> p.get("status").contains("bob.smith@example.com")), "the direct message");
        Map<String, String> dm = posted.stream().filter(p -> p.get("status").contains("bob.smith@example.com")).findFirst().orElseThrow();
        assertThat(dm.get("visibility")).isEqualTo("direct");
        assertThat(dm.get("status")).startsWith("@bob@social.example");
        assertThat(dm).doesNotContainKey("in_reply_to_id");
    }

    @Test
    void the_first_response_counts_when_it_reaches_the_customer_not_when_it_was_written() throws Exception {
        mention("920", "cy@social.example", "@acme the app logs me out every five minutes");
        long number = complaintFromMention("cy@social.example");
        AcceptanceDesk.Session ana = desk.signIn("ana");
        AcceptanceDesk.await(() -> !postsAnswering("920").isEmpty(), "the acknowledgement under the post");
        // the network has the post a moment before the desk has recorded it (and moved the complaint on)
        desk.awaitStatus(number, "ACKNOWLEDGED", ana);
        assertThat(desk.clockState(number, ana, "FIRST_RESPONSE")).as("an acknowledgement is no answer").isIn("RUNNING", "WARNING");

        refusing.set(true); // the network turns the reply down
        AcceptanceDesk.Answer sent = desk.api("POST", "/api/complaints/" + number + "/replies", Map.of("version",
                desk.complaint(number, ana).path("version").asLong(), "eta", Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                "text", "I have asked our app team to look at your account and will post here again by tomorrow noon."), ana);
        assertThat(sent.status()).as(sent.json().toString()).isEqualTo(201);
        AcceptanceDesk.await(() -> outgoingStatus(number, ana, sent.json().path("replyId").asText()).equals("failed"), "the delivery to fail");
        // the attempt was marked before the network was spoken to
        for (JsonNode o : desk.complaint(number, ana).path("outgoing")) {
            if (o.path("replyId").asText().equals(sent.json().path("replyId").asText())) {
                assertThat(o.path("attempts").asInt()).isGreaterThanOrEqualTo(1);
            }
        }
        assertThat(desk.clockState(number, ana, "FIRST_RESPONSE")).as("a reply that reached nobody answers nobody").isIn("RUNNING", "WARNING");

        refusing.set(false);
        Instant before = Instant.now();
        AcceptanceDesk.Answer again = desk.api("POST", "/api/complaints/" + number + "/replies", Map.of("version",
                desk.complaint(number, ana).path("version").asLong(), "eta", Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                "text", "Our app team is on it now; I will post here again by tomorrow noon with the fix."), ana);
        assertThat(again.status()).isEqualTo(201);
        AcceptanceDesk.await(() -> desk.clockState(number, ana, "FIRST_RESPONSE").equals("MET"), "the first-response clock to be met");
        assertThat(desk.complaint(number, ana).path("audit").findValuesAsText("action")).containsOnlyOnce("answered");
        assertThat(Instant.parse(desk.complaint(number, ana).path("outgoing").get(2).path("sentAt").asText())).isAfterOrEqualTo(before);
    }

    String outgoingStatus(long number, AcceptanceDesk.Session as, String replyId) {
        try {
            for (JsonNode o : desk.complaint(number, as).path("outgoing")) {
                if (o.path("replyId").asText().equals(replyId)) {
                    return o.path("status").asText();
                }
            }
            return "none";
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    String consolePage(long number, AcceptanceDesk.Session as) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(java.net.URI.create(desk.base
                + "/console/complaints/" + number)).header("Cookie", as.cookie()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}
