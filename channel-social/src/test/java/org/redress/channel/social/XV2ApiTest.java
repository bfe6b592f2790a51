package org.redress.channel.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.redress.core.channel.ReplyingChannel;
import org.redress.core.channel.Batch;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.DeliveryResult;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.OutboundReply;
import org.redress.core.channel.SenderIdentity;
import org.redress.core.channel.Visibility;

/** X API v2 against a stub on 127.0.0.1 that checks every request's OAuth 1.0a signature as X would. */
class XV2ApiTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    static final ObjectMapper JSON = new ObjectMapper();
    final StubServer server = new StubServer();
    final List<Duration> waits = new ArrayList<>();

    XV2ApiTest() throws Exception {
    }

    @AfterEach
    void stop() {
        server.close();
    }

    ApiChannel channel(String ownUserId) {
        return new ApiChannel(new XV2Connector(URI.create(server.base()), "ck", "cs", "at", "ats", "acme_support",
                ownUserId, Duration.ofSeconds(5), CLOCK), CLOCK, waits::add, Duration.ofMinutes(15));
    }

    static final String MENTIONS = "/2/users/555/mentions";

    String mentions(String... posts) {
        return "{\"data\":[" + String.join(",", posts) + "],\"includes\":{\"users\":[" + Posts.xv2User("42", "ana_pop",
                "Ana Pop", 120) + "," + Posts.xv2User("555", "acme_support", "ACME", 9000) + "]},\"meta\":{\"result_count\":"
                + posts.length + "}}";
    }

    static Map<String, String> query(StubServer.Request r) {
        Map<String, String> q = new TreeMap<>();
        if (r.query() != null) {
            for (String kv : r.query().split("&")) {
                String[] p = kv.split("=", 2);
                q.put(URLDecoder.decode(p[0], StandardCharsets.UTF_8), URLDecoder.decode(p[1], StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    /** Recomputes the HMAC-SHA1 signature over method, URL, query and oauth_ parameters, as RFC 5849 says. */
    boolean signedRight(StubServer.Request r) throws Exception {
        String header = r.header("Authorization");
        assertThat(header).startsWith("OAuth ");
        Map<String, String> oauth = new TreeMap<>();
        for (String part : header.substring(6).split(",\\s*")) {
            String[] kv = part.split("=", 2);
            oauth.put(kv[0].strip(), URLDecoder.decode(kv[1].replace("\"", ""), StandardCharsets.UTF_8));
        }
        String signature = oauth.remove("oauth_signature");
        oauth.remove("realm");
        TreeMap<String, String> all = new TreeMap<>(query(r));
        all.putAll(oauth);
        StringBuilder params = new StringBuilder();
        all.forEach((k, v) -> params.append(params.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        String base = r.method() + "&" + enc(server.base().replaceFirst("/$", "") + r.path()) + "&" + enc(params.toString());
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec((enc("cs") + "&" + enc("ats")).getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
        return expected.equals(signature) && "ck".equals(oauth.get("oauth_consumer_key")) && "at".equals(oauth.get("oauth_token"));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    @Test
    void polls_mentions_and_direct_messages_with_their_authors_after_the_cursor() throws Exception {
        server.on("GET", MENTIONS, r -> StubServer.Response.ok(mentions(
                Posts.xv2("1900000000000000003", "42", "@acme_support still broken", "1900000000000000001"),
                Posts.xv2("1900000000000000001", "42", "@acme_support my router is dead", null))));
        server.on("GET", "/2/dm_events", r -> StubServer.Response.ok("{\"data\":["
                + Posts.xv2Message("1900000000000000012", "555", "Sorry to hear that, Ana", "2026-03-02T09:01:00.000Z") + ","
                + Posts.xv2Message("1900000000000000011", "42", "My order number is 5512", "2026-03-02T09:00:00.000Z")
                + "],\"includes\":{\"users\":[" + Posts.xv2User("42", "ana_pop", "Ana Pop", 120) + "]}}"));
        Batch batch = channel("555").read(Checkpoint.START, 10);
        List<InboundMessage> items = batch.items().stream().map(InboundMessage.class::cast).toList();
        // oldest first across both: the messages (09:00) came before the mentions (10:15)
        assertThat(items).extracting(InboundMessage::externalId).containsExactly("1900000000000000011",
                "1900000000000000012", "1900000000000000001", "1900000000000000003");
        assertThat(items.get(0).sender().value()).isEqualTo("x:@ana_pop");
        assertThat(items.get(0).visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(items.get(1).automated()).as("our own direct message").isPresent();
        assertThat(items.get(3).threadReferences()).containsExactly("1900000000000000001");
        assertThat(items.get(2).attributes()).containsEntry(InboundMessage.FOLLOWERS.key(), "120");
        assertThat(batch.next().value()).isEqualTo("1900000000000000003,1900000000000000012");

        StubServer.Request first = server.requests("GET", MENTIONS).get(0);
        assertThat(signedRight(first)).as("OAuth 1.0a signature over the query").isTrue();
        assertThat(query(first)).containsEntry("expansions", "author_id").containsKey("tweet.fields")
                .doesNotContainKey("since_id");
        assertThat(query(server.requests("GET", "/2/dm_events").get(0))).containsEntry("expansions", "sender_id")
                .containsEntry("dm_event.fields", "id,event_type,text,sender_id,created_at,dm_conversation_id");

        channel("555").read(batch.next(), 10);
        assertThat(query(server.requests("GET", MENTIONS).get(1))).containsEntry("since_id", "1900000000000000003");
        assertThat(signedRight(server.requests("GET", MENTIONS).get(1))).isTrue();
    }

    @Test
    void direct_messages_are_paged_back_to_the_cursor_and_not_taken_twice() throws Exception {
        server.on("GET", MENTIONS, r -> StubServer.Response.ok("{\"meta\":{\"result_count\":0}}"));
        server.on("GET", "/2/dm_events", r -> StubServer.Response.ok(query(r).containsKey("pagination_token")
                ? "{\"data\":[" + Posts.xv2Message("1900000000000000021", "42", "older", "2026-03-02T09:00:00.000Z") + ","
                + Posts.xv2Message("1900000000000000020", "42", "already read", "2026-03-02T08:00:00.000Z")
                + "],\"meta\":{\"next_token\":\"p3\"}}"
                : "{\"data\":[" + Posts.xv2Message("1900000000000000022", "42", "newest", "2026-03-02T10:00:00.000Z")
                + "],\"meta\":{\"next_token\":\"p2\"}}"));
        Batch batch = channel("555").read(Checkpoint.of(",1900000000000000020"), 10);
        assertThat(batch.items()).extracting(i -> ((InboundMessage) i).text()).containsExactly("older", "newest");
        assertThat(server.requests("GET", "/2/dm_events")).hasSize(2);
        assertThat(batch.next().value()).isEqualTo(",1900000000000000022");
    }

    @Test
    void public_replies_go_to_2_tweets_threaded_and_private_ones_to_the_conversation() throws Exception {
        server.on("POST", "/2/tweets", r -> new StubServer.Response(201,
                "{\"data\":{\"id\":\"1900000000000000100\",\"text\":\"@ana_pop sorry\"}}", Map.of()));
        server.on("GET", "/2/users/by/username/ana_pop", r -> StubServer.Response.ok(
                "{\"data\":{\"id\":\"42\",\"name\":\"Ana Pop\",\"username\":\"ana_pop\"}}"));
        server.on("POST", "/2/dm_conversations/with/42/messages", r -> new StubServer.Response(201,
                "{\"data\":{\"dm_conversation_id\":\"42-555\",\"dm_event_id\":\"1900000000000000101\"}}", Map.of()));
        ApiChannel c = channel("555");
        assertThat(((ReplyingChannel) c).deliver(new OutboundReply("r-1", SenderIdentity.social("x", "@ana_pop", ""), "", "@ana_pop sorry",
                List.of("1900000000000000001"), Visibility.PUBLIC, false)))
                .isEqualTo(new DeliveryResult.Delivered("1900000000000000100"));
        StubServer.Request post = server.requests("POST", "/2/tweets").get(0);
        JsonNode body = JSON.readTree(post.body());
        assertThat(body.path("text").asText()).isEqualTo("@ana_pop sorry");
        assertThat(body.path("reply").path("in_reply_to_tweet_id").asText()).isEqualTo("1900000000000000001");
        assertThat(post.header("Content-Type")).startsWith("application/json");
        assertThat(signedRight(post)).as("a JSON body is outside the signature").isTrue();

        assertThat(((ReplyingChannel) c).deliver(new OutboundReply("r-2", SenderIdentity.social("x", "@ana_pop", ""), "",
                "Please send the order number", List.of(), Visibility.PRIVATE, false)))
                .isEqualTo(new DeliveryResult.Delivered("1900000000000000101"));
        assertThat(JSON.readTree(server.requests("POST", "/2/dm_conversations/with/42/messages").get(0).body())
                .path("text").asText()).isEqualTo("Please send the order number");
        // sent once, however often the outbox asks
        ((ReplyingChannel) c).deliver(new OutboundReply("r-1", SenderIdentity.social("x", "@ana_pop", ""), "", "@ana_pop sorry",
                List.of("1900000000000000001"), Visibility.PUBLIC, false));
        assertThat(server.requests("POST", "/2/tweets")).hasSize(1);
        // a long public answer goes out as numbered parts, each answering the one before
        String longer = "Dear Ana, " + "we have checked your line and the fault is at the street cabinet. ".repeat(6);
        assertThat(((ReplyingChannel) c).deliver(new OutboundReply("r-3", SenderIdentity.social("x", "@ana_pop", ""), "", longer,
                List.of("1900000000000000001"), Visibility.PUBLIC, false))).isInstanceOf(DeliveryResult.Delivered.class);
        List<StubServer.Request> parts = server.requests("POST", "/2/tweets").subList(1, 3);
        assertThat(JSON.readTree(parts.get(0).body()).path("text").asText()).endsWith("(1/2)").hasSizeLessThanOrEqualTo(280);
        assertThat(JSON.readTree(parts.get(1).body()).path("reply").path("in_reply_to_tweet_id").asText())
                .isEqualTo("1900000000000000100");
        // an author the export did not name cannot be written to privately, and the reason says what to do
        DeliveryResult unknown = ((ReplyingChannel) c).deliver(new OutboundReply("r-4", SenderIdentity.social("x", "unknown:19", ""), "",
                "hello", List.of(), Visibility.PRIVATE, false));
        assertThat(unknown).isInstanceOf(DeliveryResult.Failed.class);
        assertThat(((DeliveryResult.Failed) unknown).reason()).contains("answer in public instead");
    }

    @Test
    void the_access_tier_and_the_app_permissions_are_explained_by_name() {
        var mentions = new java.util.concurrent.atomic.AtomicReference<StubServer.Response>();
        var messages = new java.util.concurrent.atomic.AtomicReference<StubServer.Response>();
        server.on("GET", MENTIONS, r -> mentions.get());
        server.on("GET", "/2/dm_events", r -> messages.get());
        mentions.set(new StubServer.Response(403, "{\"client_id\":\"1\",\"detail\":\"When "
                + "authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter "
                + "developer App that is attached to a Project.\",\"registration_url\":\"https://developer.twitter.com/\","
                + "\"title\":\"Client Forbidden\",\"required_enrollment\":\"Appropriate Level of API Access\","
                + "\"reason\":\"client-not-enrolled\",\"type\":\"https://api.twitter.com/2/problems/client-forbidden\"}",
                Map.of()));
        assertThatThrownBy(() -> channel("555").read(Checkpoint.START, 10)).isInstanceOf(ChannelException.class)
                .hasMessageContaining("reading mentions (GET /2/users/555/mentions) is refused because the app's access "
                        + "tier lacks this endpoint")
                .hasMessageContaining("Free tier can post but cannot read mentions")
                .hasMessageContaining("attached to a Project");
        mentions.set(StubServer.Response.ok("{\"meta\":{\"result_count\":0}}"));
        messages.set(new StubServer.Response(403, "{\"title\":\"Forbidden\",\"detail\":\"Your "
                + "client app is not configured with the appropriate oauth1 app permissions for this endpoint.\","
                + "\"type\":\"https://api.twitter.com/2/problems/oauth1-permissions\",\"status\":403}", Map.of()));
        assertThatThrownBy(() -> channel("555").read(Checkpoint.START, 10))
                .hasMessageContaining("\"Read, write and Direct Messages\"");
        messages.set(new StubServer.Response(401, "{\"title\":\"Unauthorized\",\"type\":"
                + "\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}", Map.of()));
        assertThatThrownBy(() -> channel("555").read(Checkpoint.START, 10))
                .hasMessageContaining("refused with HTTP 401").hasMessageContaining("check the consumer key");
    }

    @Test
    void rate_limits_come_from_the_headers() throws Exception {
        long reset = CLOCK.instant().plusSeconds(600).getEpochSecond();
        server.on("GET", MENTIONS, r -> new StubServer.Response(429, "{\"title\":\"Too Many Requests\",\"detail\":"
                + "\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}",
                Map.of("x-rate-limit-limit", "180", "x-rate-limit-remaining", "0", "x-rate-limit-reset", String.valueOf(reset))));
        ApiChannel c = channel("555");
        Batch none = c.read(Checkpoint.START, 10);
        assertThat(none.items()).isEmpty();
        assertThat(none.next()).isEqualTo(Checkpoint.START);
        c.read(Checkpoint.START, 10);
        assertThat(server.requests("GET", MENTIONS)).as("paused until the reset, not asked again").hasSize(1);

        // a successful answer that uses the last call pauses reading too, before X has to refuse
        server.close();
        StubServer other = new StubServer();
        try (other) {
            other.on("GET", MENTIONS, r -> new StubServer.Response(200, "{\"meta\":{\"result_count\":0}}",
                    Map.of("x-rate-limit-remaining", "0", "x-rate-limit-reset", String.valueOf(reset))));
            other.on("GET", "/2/dm_events", r -> StubServer.Response.ok("{\"meta\":{\"result_count\":0}}"));
            ApiChannel d = new ApiChannel(new XV2Connector(URI.create(other.base()), "ck", "cs", "at", "ats",
                    "acme_support", "555", Duration.ofSeconds(5), CLOCK), CLOCK, waits::add, Duration.ofMinutes(15));
            d.read(Checkpoint.START, 10);
            d.read(Checkpoint.START, 10);
            assertThat(other.requests("GET", MENTIONS)).hasSize(1);
        }
    }

    @Test
    void the_own_account_id_is_asked_of_x_once_when_not_set() throws Exception {
        Path me = XV2ExportTest.CORPUS.resolve("twitter-v2/tweepy-GET_2_users_me.json");
        Assumptions.assumeTrue(Files.isRegularFile(me), "no corpus at " + me.toAbsolutePath());
        String body = Files.readString(me);
        String id = JSON.readTree(body).path("data").path("id").asText();
        server.on("GET", "/2/users/me", r -> StubServer.Response.ok(body));
        server.on("GET", "/2/users/" + id + "/mentions", r -> StubServer.Response.ok("{\"meta\":{\"result_count\":0}}"));
        server.on("GET", "/2/dm_events", r -> StubServer.Response.ok("{\"meta\":{\"result_count\":0}}"));
        ApiChannel c = channel(null);
        c.read(Checkpoint.START, 10);
        c.read(Checkpoint.START, 10);
        assertThat(server.requests("GET", "/2/users/me")).hasSize(1);
        assertThat(server.requests("GET", "/2/users/" + id + "/mentions")).hasSize(2);
    }

    @Test
    void the_corpus_recordings_replayed_by_the_stub() throws Exception {
        Path dir = XV2ExportTest.CORPUS.resolve("twitter-v2");
        Assumptions.assumeTrue(Files.isDirectory(dir), "no corpus at " + dir.toAbsolutePath());
        String mentions = Files.readString(dir.resolve("tweepy-GET_2_users_783214_mentions.json"));
        String dms = Files.readString(dir.resolve("tweepy-GET_2_dm_conversations_id_dm_events.json"));
        String posted = Files.readString(dir.resolve("tweepy-POST_2_tweets.json"));
        String sent = Files.readString(dir.resolve("tweepy-POST_2_dm_conversations_with_participant_messages.json"));
        server.on("GET", "/2/users/783214/mentions", r -> StubServer.Response.ok(mentions));
        server.on("GET", "/2/dm_events", r -> StubServer.Response.ok(dms));
        server.on("POST", "/2/tweets", r -> new StubServer.Response(201, posted, Map.of()));
        server.on("POST", "/2/dm_conversations/with/750362064426721281/messages", r -> new StubServer.Response(201, sent,
                Map.of()));
        ApiChannel c = channel("783214");
        Batch batch = c.read(Checkpoint.START, 100);
        assertThat(batch.items()).hasSize(12).allSatisfy(i -> assertThat(i).isInstanceOf(InboundMessage.class));
        InboundMessage complaint = batch.items().stream().map(InboundMessage.class::cast)
                .filter(m -> m.externalId().equals("1578516295611748353")).findFirst().orElseThrow();
        assertThat(complaint.text()).contains("respond to my ticket");
        DeliveryResult reply = ((ReplyingChannel) c).deliver(new OutboundReply("r-1", complaint.sender(), "", "Test Tweet",
                List.of("1578516295611748353"), Visibility.PUBLIC, false));
        assertThat(reply).isEqualTo(new DeliveryResult.Delivered(JSON.readTree(posted).path("data").path("id").asText()));
        DeliveryResult dm = ((ReplyingChannel) c).deliver(new OutboundReply("r-2", SenderIdentity.social("x", "id:750362064426721281", ""),
                "", "Testing 1", List.of(), Visibility.PRIVATE, false));
        assertThat(dm).isEqualTo(new DeliveryResult.Delivered(JSON.readTree(sent).path("data").path("dm_event_id").asText()));
    }
}
