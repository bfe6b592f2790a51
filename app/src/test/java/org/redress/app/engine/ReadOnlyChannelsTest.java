package org.redress.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.app.config.DeskConfig;
import org.redress.app.desk.Desk;
import org.redress.app.desk.TestDesks;
import org.redress.app.store.Database;
import org.redress.app.store.TestDatabases;

/**
 * A channel instance that cannot send (a mailbox without an SMTP server, a call log) is owed nothing: new complaints
 * read from it get no acknowledgement queued, so none sits in the outbox as failed (#23: one way to say a channel
 * replies, and the outbox never offers a read-only channel anything).
 */
class ReadOnlyChannelsTest {

    @TempDir
    Path dir;

    @Test
    void a_mailbox_without_smtp_and_a_call_log_are_owed_no_acknowledgement() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(inbox.resolve("01.eml"), """
                Message-ID: <c1@customer.example>
                From: Ana Pop <ana@customer.example>
                To: support@desk.example
                Subject: Charged twice
                Date: Mon, 23 Nov 2026 08:00:00 +0000

                You charged my card twice for November. Please refund one payment.
                """, StandardCharsets.UTF_8);
        Path calls = dir.resolve("Master.csv");
        Files.writeString(calls, "");
        DeskConfig config = DeskConfig.defaults("test-node").withChannels(List.of(
                new DeskConfig.ChannelConfig("archive-mail", "email", Map.of("source", "eml", "path", inbox.toString(), "settle", "PT0S")),
                new DeskConfig.ChannelConfig("calls", "phone-log", Map.of("file", calls.toString()))));
        try (Database db = Database.open(TestDatabases.fresh("h2", dir), 2)) {
            Desk desk = TestDesks.of(db, config, Clock.systemUTC());
            assertThat(desk.replying().replies("calls")).as("a call log's plugin cannot reply").isFalse();
            assertThat(desk.replying().replies("archive-mail")).as("before it is open, the email plugin can").isTrue();
            try (DeskNode node = DeskNode.open(desk)) {
                assertThat(desk.replying().replies("archive-mail")).as("opened without an SMTP server, it cannot").isFalse();
                ChannelPollerLookup.poller(node, "archive-mail").pollOnce();
            }
            db.jdbi().useHandle(h -> {
                assertThat(h.createQuery("select count(*) from complaint").mapTo(Long.class).one()).isEqualTo(1L);
                assertThat(h.createQuery("select count(*) from outbound_message").mapTo(Long.class).one())
                        .as("messages owed through a channel that cannot send").isZero();
            });
        }
    }

    /** Finds a node's poller by its instance. */
    static final class ChannelPollerLookup {
        static org.redress.app.intake.ChannelPoller poller(DeskNode node, String instance) {
            return node.pollers().stream().filter(p -> p.instance().equals(instance)).findFirst().orElseThrow();
        }
    }
}
