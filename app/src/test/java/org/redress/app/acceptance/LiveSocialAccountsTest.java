package org.redress.app.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Live social accounts on the running desk: an X account on API v2 (a mention and a direct message become
 * complaints, and the answers go out through {@code POST /2/tweets} threaded to the post and through the direct
 * message conversation), and a Mastodon account whose notification stream brings a mention in at once, with the
 * desk's pollers waiting five minutes between reads. Both networks are served by one stub on 127.0.0.1.
 */
class LiveSocialAccountsTest extends AcceptanceTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String EVENT_END = "end";

    final List<JsonNode> tweeted = new CopyOnWriteArrayList<>();
    final List<JsonNode> messaged = new CopyOnWriteArrayList<>();
    final List<String> mastodonNotifications = new CopyOnWriteArrayList<>();
    final List<String> notificationQueries = new CopyOnWriteArrayList<>();
    final AtomicInteger streamConnections = new AtomicInteger();
    final BlockingQueue<String> stream = new LinkedBlockingQueue<>();
    final AtomicInteger ids = new AtomicInteger(100);
    final String mentionId = "1900000000000000001";
    final HttpServer network = start();

    /** Nothing polls on its own within the test: what arrives later comes through a stream. */
    @Override
    String pollEvery() {
        return "5m";
    }

    @Override
    String moreConfig() {
        int port = network.getAddress().getPort();
        return """
                  x:
                    plugin: social
                    settings:
                      network: x
                      base-url: http://127.0.0.1:%d/
                      consumer-key: ck
                      consumer-secret: cs
                      access-token: at
                      access-token-secret: ats
                      own-handle: acme_support
                      own-user-id: "555"
                  mastodon:
                    plugin: social
                    settings:
                      network: mastodon
                      base-url: http://127.0.0.1:%d/
                      access-token: token-1
                      own-handle: acme
                """.formatted(port, port);
    }

    private HttpServer start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            s.setExecutor(Executors.newCachedThreadPool());
            String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            // X: what the account holds when the desk first connects
            s.createContext("/2/users/555/mentions", x -> answer(x, 200, "{\"data\":[{\"id\":\"" + mentionId + "\","
                    + "\"text\":\"@acme_support my fibre has been down since Monday, order 5512\",\"author_id\":\"42\","
                    + "\"created_at\":\"" + now + "\",\"lang\":\"en\",\"conversation_id\":\"" + mentionId + "\"}],"
                    + "\"includes\":{\"users\":[{\"id\":\"42\",\"username\":\"ana_pop\",\"name\":\"Ana Pop\","
                    + "\"public_metrics\":{\"followers_count\":120}}]},\"meta\":{\"result_count\":1}}"));
            s.createContext("/2/dm_events", x -> answer(x, 200, "{\"data\":[{\"id\":\"1900000000000000002\","
                    + "\"event_type\":\"MessageCreate\",\"text\":\"You billed me twice for November, account 7781\","
                    + "\"sender_id\":\"43\",\"created_at\":\"" + now + "\",\"dm_conversation_id\":\"43-555\"}],"
                    + "\"includes\":{\"users\":[{\"id\":\"43\",\"username\":\"ion_v\",\"name\":\"Ion V\"}]}}"));
            s.createContext("/2/tweets", x -> {
                tweeted.add(JSON.readTree(x.getRequestBody()));
                answer(x, 201, "{\"data\":{\"id\":\"19000000000000" + ids.incrementAndGet() + "\",\"text\":\"ok\"}}");
            });
            s.createContext("/2/dm_conversations/with/43/messages", x -> {
                messaged.add(JSON.readTree(x.getRequestBody()));
                answer(x, 201, "{\"data\":{\"dm_conversation_id\":\"43-555\",\"dm_event_id\":\"19000000000000"
                        + ids.incrementAndGet() + "\"}}");
            });
            // Mastodon: notifications after since_id, newest first, as the instance answers
            s.createContext("/api/v1/notifications", x -> {
                String query = x.getRequestURI().getRawQuery();
                notificationQueries.add(query);
                long since = query != null && query.contains("since_id=")
                        ? Long.parseLong(query.replaceFirst(".*since_id=(\\d+).*", "$1")) : 0;
                List<String> newer = new ArrayList<>();
                for (String n : mastodonNotifications) {
                    if (Long.parseLong(JSON.readTree(n).path("id").asText()) > since) {
                        newer.add(0, n);
                    }
                }
                answer(x, 200, "[" + String.join(",", newer) + "]");
            });
            s.createContext("/api/v1/statuses", x -> answer(x, 200, "{\"id\":\"" + ids.incrementAndGet() + "\"}"));
            s.createContext("/api/v1/streaming/user/notification", this::stream);
            s.start();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void stream(HttpExchange x) throws IOException {
        streamConnections.incrementAndGet();
        x.getResponseHeaders().set("Content-Type", "text/event-stream");
        x.sendResponseHeaders(200, 0);
        try (OutputStream out = x.getResponseBody()) {
            out.write(":)\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (true) {
                String e = stream.take();
                if (e.equals(EVENT_END)) {
                    return;
                }
                out.write(e.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException | IOException e) {
            // the desk went away or the stub stops
        }
    }

    private static void answer(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @AfterAll
    void stopNetwork() {
        stream.add(EVENT_END);
        network.stop(0);
    }

    String mastodonMention(long notificationId, String acct, String text) {
        return "{\"id\":\"" + notificationId + "\",\"type\":\"mention\",\"created_at\":\"" + Instant.now() + "\",\"status\":{"
                + "\"id\":\"" + (notificationId + 5000) + "\",\"created_at\":\"" + Instant.now() + "\",\"content\":\"<p>" + text
                + "</p>\",\"visibility\":\"public\",\"language\":\"en\",\"in_reply_to_id\":null,\"account\":{\"id\":\"7"
                + notificationId + "\",\"acct\":\"" + acct + "\",\"display_name\":\"" + acct + "\",\"followers_count\":3}}}";
    }

    List<JsonNode> tweetsAnswering(String postId) {
        return tweeted.stream().filter(t -> t.path("reply").path("in_reply_to_tweet_id").asText().equals(postId)).toList();
    }

    @Test
    void an_x_mention_and_a_direct_message_become_complaints_and_are_answered_where_they_were_written() throws Exception {
        long mention = desk.complaintFrom("x:@ana_pop");
        long message = desk.complaintFrom("x:@ion_v");
        AcceptanceDesk.Session ana = desk.signIn("ana");
        // acknowledged where each customer spoke: under the post in public, in the conversation in private
        AcceptanceDesk.await(() -> !tweetsAnswering(mentionId).isEmpty(), "the acknowledgement under the mention");
        assertThat(tweetsAnswering(mentionId).get(0).path("text").asText()).contains("[#" + mention + "]");
        AcceptanceDesk.await(() -> !messaged.isEmpty(), "the acknowledgement in the direct messages");
        assertThat(messaged.get(0).path("text").asText()).contains("[#" + message + "]");
        desk.awaitStatus(mention, "ACKNOWLEDGED", ana);

        String reply = "I am sorry your fibre is down, Ana. A technician is booked for your street and I will post here "
                + "again by tomorrow noon with the repair time.";
        AcceptanceDesk.Answer sent = desk.api("POST", "/api/complaints/" + mention + "/replies", Map.of("version",
                desk.complaint(mention, ana).path("version").asLong(), "eta", Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                "text", reply), ana);
        assertThat(sent.status()).as(sent.json().toString()).isEqualTo(201);
        AcceptanceDesk.await(() -> tweetsAnswering(mentionId).size() == 2, "the agent's reply under the mention");
        assertThat(tweetsAnswering(mentionId).get(1).path("text").asText()).isEqualTo(reply);
        AcceptanceDesk.await(() -> desk.clockState(mention, ana, "FIRST_RESPONSE").equals("MET"), "the first response");
    }

    @Test
    void a_streamed_mastodon_mention_arrives_at_once_and_a_dropped_stream_catches_up_after_the_last_stored_id()
            throws Exception {
        AcceptanceDesk.await(() -> streamConnections.get() == 1, "the desk to open the notification stream");
        mastodonNotifications.add(mastodonMention(301, "ann@social.example", "@acme my parcel is lost, order 8812"));
        long streamed = System.nanoTime();
        stream.add("event: notification\ndata: " + mastodonNotifications.get(0) + "\n\n");
        desk.complaintFrom("mastodon:@ann@social.example");
        Duration took = Duration.ofNanos(System.nanoTime() - streamed);
        System.out.println("a streamed mention became a complaint in " + took.toMillis() + " ms");
        // the pollers wait five minutes: only the stream can have brought it this soon
        assertThat(took).isLessThan(Duration.ofSeconds(30));

        // the stream drops; a mention posted meanwhile is never streamed, and the reconnect reads on from the last id
        stream.add(EVENT_END);
        mastodonNotifications.add(mastodonMention(302, "bo@social.example", "@acme the app charges me twice"));
        desk.complaintFrom("mastodon:@bo@social.example");
        assertThat(streamConnections.get()).isEqualTo(2);
        assertThat(notificationQueries).as("read on after the last stored id").anyMatch(q -> q.contains("since_id=301"));
    }
}
