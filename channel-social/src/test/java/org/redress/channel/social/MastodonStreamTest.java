package org.redress.channel.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The notification stream wakes the desk; a dropped stream is opened again; a refused one leaves polling alone. */
class MastodonStreamTest {

    static final String PATH = "/api/v1/streaming/user/notification";
    final StubServer server = new StubServer();
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    MastodonStreamTest() throws Exception {
    }

    @AfterEach
    void stop() {
        events.add(StubServer.END);
        server.close();
    }

    ApiChannel channel() {
        return new ApiChannel(new MastodonConnector(URI.create(server.base()), "token-1", "acme", 500,
                Duration.ofSeconds(5), Clock.systemUTC(), URI.create(server.base())), Clock.systemUTC(), d -> { },
                Duration.ofMinutes(15));
    }

    static String notification(String type) {
        return "event: notification\ndata: {\"id\":\"91\",\"type\":\"" + type + "\",\"account\":{\"acct\":\"ann\"}}\n\n";
    }

    @Test
    void a_streamed_mention_wakes_the_desk_and_nothing_else_does() throws Exception {
        server.stream(PATH, events);
        try (ApiChannel c = channel()) {
            assertThat(c.awaitNew(Duration.ofSeconds(10))).as("connected: read what came while it was not").isTrue();
            assertThat(server.requests("GET", PATH).get(0).header("Authorization")).isEqualTo("Bearer token-1");
            assertThat(c.awaitNew(Duration.ofMillis(300))).as("nothing streamed").isFalse();
            events.add(notification("favourite"));
            events.add(":thump\n\n");
            assertThat(c.awaitNew(Duration.ofMillis(500))).as("a favourite is no message").isFalse();
            events.add(notification("mention"));
            assertThat(c.awaitNew(Duration.ofSeconds(10))).isTrue();
            assertThat(c.awaitNew(Duration.ofMillis(200))).as("one wake per mention").isFalse();
        }
    }

    @Test
    void a_dropped_stream_is_opened_again_and_wakes_the_desk_to_catch_up() throws Exception {
        server.stream(PATH, events);
        try (ApiChannel c = channel()) {
            assertThat(c.awaitNew(Duration.ofSeconds(10))).isTrue();
            events.add(StubServer.END);
            assertThat(c.awaitNew(Duration.ofSeconds(10))).as("reconnected: a poll catches up on what was missed").isTrue();
            assertThat(server.requests("GET", PATH)).hasSize(2);
            events.add(notification("mention"));
            assertThat(c.awaitNew(Duration.ofSeconds(10))).isTrue();
        }
        Thread.sleep(200);
        assertThat(Thread.getAllStackTraces().keySet()).as("closing the channel stops the stream's thread")
                .noneMatch(t -> t.getName().startsWith("mastodon-stream") && t.isAlive());
    }

    @Test
    void a_refused_stream_is_given_up_and_polling_goes_on() throws Exception {
        server.on("GET", PATH, r -> new StubServer.Response(401, "{\"error\":\"The access token is invalid\"}", Map.of()));
        try (ApiChannel c = channel()) {
            assertThat(c.awaitNew(Duration.ofMillis(800))).isFalse();
            Thread.sleep(1500);
            assertThat(server.requests("GET", PATH)).as("not asked again and again").hasSize(1);
        }
    }
}
