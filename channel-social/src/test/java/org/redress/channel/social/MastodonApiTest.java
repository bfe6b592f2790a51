package org.redress.channel.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
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

class MastodonApiTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);

    final StubServer server = new StubServer();
    final List<Duration> waits = new ArrayList<>();

    MastodonApiTest() throws Exception {
    }

    @AfterEach
    void stop() {
        server.close();
    }

    ApiChannel channel(int maxLength) {
        return new ApiChannel(new MastodonConnector(URI.create(server.base()), "token-1", "acme", maxLength,
                Duration.ofSeconds(5), CLOCK), CLOCK, waits::add, Duration.ofMinutes(15));
    }

    static String mention(String notificationId, String statusJson) {
        return "{\"id\":\"" + notificationId + "\",\"type\":\"mention\",\"status\":" + statusJson + "}";
    }

    static Map<String, String> form(String body) {
        Map<String, String> m = new java.util.HashMap<>();
        for (String kv : body.split("&")) {
            String[] p = kv.split("=", 2);
            m.put(p[0], URLDecoder.decode(p[1], StandardCharsets.UTF_8));
        }
        return m;
    }

    @Test
    void polls_mentions_after_the_committed_cursor_and_threads_replies() throws Exception {
        server.on("GET", "/api/v1/notifications", r -> r.query().contains("since_id=21")
                ? StubServer.Response.ok("[]")
                : StubServer.Response.ok("[" + mention("21", Posts.mastodon("901", "ann@social.example",
                "<p>Still no refund</p>", "public", "900", false)) + "," + mention("20", Posts.mastodon("900",
                "ann@social.example", "<p>@acme my order is late</p>", "public", null, false)) + "]"));
        ApiChannel c = channel(500);
        Batch first = c.read(Checkpoint.START, 10);
        assertThat(first.items()).extracting(i -> i.externalId()).containsExactly("900", "901");
        InboundMessage reply = (InboundMessage) first.items().get(1);
        assertThat(reply.threadReferences()).containsExactly("900");
        assertThat(reply.sender()).isEqualTo(SenderIdentity.social("mastodon", "@ann@social.example", "ann@social.example"));
        assertThat(first.next().value()).isEqualTo("21");
        assertThat(c.read(first.next(), 10).items()).isEmpty();
        assertThat(server.requests("GET", "/api/v1/notifications")).extracting(StubServer.Request::query)
                .containsExactly("types%5B%5D=mention&limit=40", "types%5B%5D=mention&limit=40&since_id=21");
        assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer token-1");
        // a small batch takes the oldest first and its cursor covers just them
        Batch one = c.read(Checkpoint.START, 1);
        assertThat(one.items()).extracting(i -> i.externalId()).containsExactly("900");
        assertThat(one.next().value()).isEqualTo("20");
        assertThat(one.more()).isTrue();
    }

    @Test
    void replies_keep_the_conversation_public_or_private_and_are_sent_once() {
        server.on("POST", "/api/v1/statuses", r -> StubServer.Response.ok("{\"id\":\"s" + server.requests("POST",
                "/api/v1/statuses").size() + "\"}"));
        ApiChannel c = channel(500);
        OutboundReply pub = new OutboundReply("r-1", SenderIdentity.social("mastodon", "@ann@social.example", ""), "",
                "We are sorry. Your refund is on its way.", List.of("901"), Visibility.PUBLIC, false);
        assertThat(((ReplyingChannel) c).deliver(pub)).isEqualTo(new DeliveryResult.Delivered("s1"));
        assertThat(((ReplyingChannel) c).deliver(pub)).as("the same reply again").isEqualTo(new DeliveryResult.Delivered("s1"));
        OutboundReply dm = new OutboundReply("r-2", SenderIdentity.social("mastodon", "@ann@social.example", ""), "",
                "Please send us your order number here.", List.of(), Visibility.PRIVATE, false);
        assertThat(((ReplyingChannel) c).deliver(dm)).isInstanceOf(DeliveryResult.Delivered.class);

        List<StubServer.Request> posts = server.requests("POST", "/api/v1/statuses");
        assertThat(posts).hasSize(2);
        assertThat(form(posts.get(0).body())).containsEntry("in_reply_to_id", "901").containsEntry("visibility", "public")
                .containsEntry("status", "We are sorry. Your refund is on its way.");
        assertThat(posts.get(0).header("Idempotency-Key")).isEqualTo("r-1/1");
        assertThat(form(posts.get(1).body())).containsEntry("visibility", "direct")
                .containsEntry("status", "@ann@social.example Please send us your order number here.");
    }

    @Test
    void a_long_reply_is_split_into_numbered_parts_each_answering_the_last() {
        server.on("POST", "/api/v1/statuses", r -> StubServer.Response.ok("{\"id\":\"p" + server.requests("POST",
                "/api/v1/statuses").size() + "\"}"));
        String text = ("We checked your account and the double charge came from a payment retry on our side. ").repeat(3).strip();
        DeliveryResult result = ((ReplyingChannel) channel(100)).deliver(new OutboundReply("r-3", SenderIdentity.social("mastodon", "@ann", ""),
                "", text, List.of("901"), Visibility.PUBLIC, false));
        List<StubServer.Request> posts = server.requests("POST", "/api/v1/statuses");
        assertThat(posts.size()).isGreaterThan(1);
        assertThat(result).isEqualTo(new DeliveryResult.Delivered("p" + posts.size()));
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < posts.size(); i++) {
            Map<String, String> f = form(posts.get(i).body());
            assertThat(f.get("status")).hasSizeLessThanOrEqualTo(100).endsWith("(" + (i + 1) + "/" + posts.size() + ")");
            assertThat(f.get("in_reply_to_id")).isEqualTo(i == 0 ? "901" : "p" + i);
            joined.append(f.get("status").replaceFirst(" \\(\\d+/\\d+\\)$", "")).append(' ');
        }
        assertThat(joined.toString().strip()).as("nothing is cut").isEqualTo(text);
    }

    @Test
    void a_429_waits_for_the_reset_the_server_names_then_sends() {
        server.on("POST", "/api/v1/statuses", r -> new StubServer.Response(429, "{\"error\":\"Too many requests\"}",
                        Map.of("X-RateLimit-Reset", "2026-11-23T09:00:40Z")))
                .on("POST", "/api/v1/statuses", r -> StubServer.Response.ok("{\"id\":\"ok-1\"}"));
        DeliveryResult result = ((ReplyingChannel) channel(500)).deliver(new OutboundReply("r-4", SenderIdentity.social("mastodon", "@ann", ""),
                "", "Fixed now.", List.of("901"), Visibility.PUBLIC, false));
        assertThat(result).isEqualTo(new DeliveryResult.Delivered("ok-1"));
        assertThat(waits).containsExactly(Duration.ofSeconds(40));
        assertThat(server.requests("POST", "/api/v1/statuses")).extracting(r -> r.header("Idempotency-Key"))
                .containsExactly("r-4/1", "r-4/1");
    }

    @Test
    void a_rate_limited_poll_returns_nothing_until_the_reset() throws Exception {
        server.on("GET", "/api/v1/notifications", r -> new StubServer.Response(429, "{\"error\":\"Too many requests\"}",
                Map.of("Retry-After", "120")));
        ApiChannel c = channel(500);
        assertThat(c.read(Checkpoint.START, 10).items()).isEmpty();
        assertThat(c.read(Checkpoint.START, 10).items()).isEmpty();
        assertThat(server.requests("GET", "/api/v1/notifications")).as("no second request before the reset").hasSize(1);
    }

    @Test
    void refused_credentials_name_the_account_and_the_status() {
        server.on("GET", "/api/v1/notifications", r -> new StubServer.Response(401,
                "{\"error\":\"The access token is invalid\"}", Map.of()));
        server.on("POST", "/api/v1/statuses", r -> new StubServer.Response(401,
                "{\"error\":\"The access token is invalid\"}", Map.of()));
        ApiChannel c = channel(500);
        assertThatThrownBy(() -> c.read(Checkpoint.START, 10)).isInstanceOf(ChannelException.class)
                .hasMessage("Mastodon account @acme at 127.0.0.1: reading mentions was refused with HTTP 401 "
                        + "(The access token is invalid); check the access token and its scopes");
        assertThat(((ReplyingChannel) c).deliver(new OutboundReply("r-5", SenderIdentity.social("mastodon", "@ann", ""), "", "Hi",
                List.of("1"), Visibility.PUBLIC, false))).isInstanceOfSatisfying(DeliveryResult.Failed.class, f -> {
                    assertThat(f.retryable()).isFalse();
                    assertThat(f.reason()).contains("HTTP 401");
                });
        assertThat(Optional.of(waits)).get().asList().isEmpty();
    }
}
