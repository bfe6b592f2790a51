package org.redress.channel.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

class XApiTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
    final StubServer server = new StubServer();
    final List<Duration> waits = new ArrayList<>();

    XApiTest() throws Exception {
    }

    @AfterEach
    void stop() {
        server.close();
    }

    ApiChannel channel() {
        return new ApiChannel(new XConnector(server.base() + "1.1/", "ck", "cs", "at", "ats", "acme_support", "555", CLOCK),
                CLOCK, waits::add, Duration.ofMinutes(15));
    }

    static String dmEvent(String id, String sender, String text, long millis) {
        return "{\"type\":\"message_create\",\"id\":\"" + id + "\",\"created_timestamp\":\"" + millis + "\","
                + "\"message_create\":{\"target\":{\"recipient_id\":\"555\"},\"sender_id\":\"" + sender + "\","
                + "\"message_data\":{\"text\":\"" + text + "\",\"entities\":{\"hashtags\":[],\"symbols\":[],"
                + "\"user_mentions\":[],\"urls\":[]}}}}";
    }

    static String user(long id, String handle) {
        return "{\"id\":" + id + ",\"id_str\":\"" + id + "\",\"screen_name\":\"" + handle + "\",\"name\":\"" + handle + "\"}";
    }

    @Test
    void polls_mentions_and_direct_messages_with_their_authors() throws Exception {
        server.on("GET", "/1.1/statuses/mentions_timeline.json", r -> StubServer.Response.ok("["
                + Posts.x("1002", "ana_pop", "Ana Pop", 120, "@acme_support still broken", "1001") + ","
                + Posts.x("1001", "ana_pop", "Ana Pop", 120, "@acme_support my router is dead", null) + "]"));
        server.on("GET", "/1.1/direct_messages/events/list.json", r -> StubServer.Response.ok("{\"events\":["
                + dmEvent("7002", "555", "Sorry to hear that, Ana", 1_772_445_700_000L) + ","
                + dmEvent("7001", "42", "My order number is 5512", 1_772_445_600_000L) + "],\"next_cursor\":\"0\"}"));
        server.on("GET", "/1.1/users/show.json", r -> StubServer.Response.ok(r.query().contains("user_id=555")
                ? user(555, "acme_support") : user(42, "ana_pop")));
        Batch batch = channel().read(Checkpoint.START, 10);
        List<InboundMessage> items = batch.items().stream().map(InboundMessage.class::cast).toList();
        // oldest first across both streams: the messages (09:00) came before the mentions (10:15)
        assertThat(items).extracting(InboundMessage::externalId).containsExactly("7001", "7002", "1001", "1002");
        assertThat(items.get(3).threadReferences()).containsExactly("1001");
        assertThat(items.get(2).attributes()).containsEntry(InboundMessage.FOLLOWERS.key(), "120");
        assertThat(items.get(0).visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(items.get(0).sender().value()).isEqualTo("x:@ana_pop");
        assertThat(items.get(1).automated()).as("our own DM").isPresent();
        assertThat(batch.next().value()).isEqualTo("1002,7002");
        assertThat(server.requests("GET", "/1.1/statuses/mentions_timeline.json").get(0).header("Authorization"))
                .startsWith("OAuth ").contains("oauth_consumer_key=\"ck\"");

        channel().read(batch.next(), 10);
        assertThat(server.requests("GET", "/1.1/statuses/mentions_timeline.json").get(1).query()).contains("since_id=1002");
    }

    @Test
    void public_replies_and_direct_messages_go_out_through_twitter4j() {
        server.on("POST", "/1.1/statuses/update.json", r -> StubServer.Response.ok(
                Posts.x("2001", "acme_support", "ACME", 9000, "@ana_pop sorry", "1001")));
        server.on("GET", "/1.1/users/show.json", r -> StubServer.Response.ok(user(42, "ana_pop")));
        server.on("POST", "/1.1/direct_messages/events/new.json", r -> StubServer.Response.ok("{\"event\":"
                + dmEvent("7003", "555", "Please send the order number", 1_772_445_800_000L) + "}"));
        ApiChannel c = channel();
        assertThat(((ReplyingChannel) c).deliver(new OutboundReply("r-1", SenderIdentity.social("x", "@ana_pop", ""), "", "@ana_pop sorry",
                List.of("1001"), Visibility.PUBLIC, false))).isEqualTo(new DeliveryResult.Delivered("2001"));
        assertThat(((ReplyingChannel) c).deliver(new OutboundReply("r-2", SenderIdentity.social("x", "@ana_pop", ""), "",
                "Please send the order number", List.of(), Visibility.PRIVATE, false)))
                .isEqualTo(new DeliveryResult.Delivered("7003"));
        String update = URLDecoder.decode(server.requests("POST", "/1.1/statuses/update.json").get(0).body(),
                StandardCharsets.UTF_8);
        assertThat(update).contains("status=@ana_pop sorry").contains("in_reply_to_status_id=1001");
        assertThat(server.requests("POST", "/1.1/direct_messages/events/new.json").get(0).body())
                .contains("\"recipient_id\":42").contains("Please send the order number");
    }

    @Test
    void wrong_credentials_and_the_453_tier_error_are_explained() throws Exception {
        server.on("GET", "/1.1/statuses/mentions_timeline.json", r -> new StubServer.Response(401,
                "{\"errors\":[{\"code\":32,\"message\":\"Could not authenticate you.\"}]}", Map.of()));
        assertThatThrownBy(() -> channel().read(Checkpoint.START, 10)).isInstanceOf(ChannelException.class)
                .hasMessageContaining("X account @acme_support: reading mentions and direct messages was refused with HTTP 401")
                .hasMessageContaining("check the consumer key and access token");
        server.close();
        StubServer tier = new StubServer().on("GET", "/1.1/statuses/mentions_timeline.json", r -> new StubServer.Response(403,
                "{\"errors\":[{\"message\":\"You currently have access to a subset of Twitter API v2 endpoints and limited "
                        + "v1.1 endpoints (e.g. media post, oauth) only.\",\"code\":453}]}", Map.of()));
        try (tier) {
            ApiChannel c = new ApiChannel(new XConnector(tier.base() + "1.1/", "ck", "cs", "at", "ats", "acme_support",
                    null, CLOCK), CLOCK, waits::add, Duration.ofMinutes(15));
            assertThatThrownBy(() -> c.read(Checkpoint.START, 10)).hasMessageContaining("X error 453")
                    .hasMessageContaining("access tier lacks this endpoint");
        }
    }

    @Test
    void twitter4j_reads_nothing_ambient() {
        channel();
        assertThat(System.getProperty(SealedTwitterConfiguration.PROPERTY)).isEqualTo(SealedTwitterConfiguration.class.getName());
        assertThat(twitter4j.conf.ConfigurationContext.getInstance().getOAuthConsumerKey()).isNull();
        assertThat(twitter4j.conf.ConfigurationContext.getInstance().getRestBaseURL()).isEqualTo("https://api.twitter.com/1.1/");
    }

    @Test
    void real_recorded_payloads_from_the_corpus() throws Exception {
        Path corpus = Path.of(System.getProperty("redress.corpus", "../../shared/corpus")).resolve("social/twitter-v1.1");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "no social corpus at " + corpus.toAbsolutePath());
        String statuses = Files.readString(corpus.resolve("sferik-statuses.json"));
        String events = Files.readString(corpus.resolve("sferik-direct_message_events.json"));
        server.on("GET", "/1.1/statuses/mentions_timeline.json", r -> StubServer.Response.ok(statuses));
        server.on("GET", "/1.1/direct_messages/events/list.json", r -> StubServer.Response.ok(events));
        server.on("GET", "/1.1/users/show.json", r -> StubServer.Response.ok(user(1, "someone")));
        Batch batch = channel().read(Checkpoint.START, 100);
        assertThat(batch.items()).hasSize(36).allSatisfy(i -> assertThat(i).isInstanceOf(InboundMessage.class));
        long replies = batch.items().stream().map(InboundMessage.class::cast)
                .filter(m -> !m.threadReferences().isEmpty()).count();
        assertThat(replies).as("the two replies in the recorded timeline").isGreaterThanOrEqualTo(2);
    }
}
