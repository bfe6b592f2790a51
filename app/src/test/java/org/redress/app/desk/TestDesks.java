package org.redress.app.desk;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.redress.app.channels.ChannelRegistry;
import org.redress.app.config.DeskConfig;
import org.redress.app.store.Database;

/** Desks for tests: the real composition root over a test database, with the default configuration unless one is given. */
public final class TestDesks {

    private TestDesks() {
    }

    /** A desk with the default configuration whose customers all write English (no 80 MB language model loaded). */
    public static Desk english(Database database, Clock clock) {
        return Desk.open(database, DeskConfig.defaults("test-node"), ChannelRegistry.discover(), text -> Optional.of("en"), clock);
    }

    /** As {@link #english}, with CTI events spooled to {@code ctiSpool}. */
    public static Desk english(Database database, Clock clock, Path ctiSpool) {
        return Desk.open(database, DeskConfig.defaults("test-node").withCtiSpool(ctiSpool),
                ChannelRegistry.discover(), text -> Optional.of("en"), clock);
    }

    public static Desk of(Database database, DeskConfig config, Clock clock) {
        return Desk.open(database, config, ChannelRegistry.discover(), text -> Optional.of("en"), clock);
    }

    /**
     * A configuration whose one channel, support-mail, reads a mailbox (support / secret) on a local IMAP server and
     * answers through a local SMTP server, polling every 200 ms: a desk as serve runs it, for tests with GreenMail.
     */
    public static String mailboxConfig(int imapPort, int smtpPort, String messageIdSecret) {
        return mailboxConfig(imapPort, smtpPort, messageIdSecret, "200ms");
    }

    /** As {@link #mailboxConfig(int, int, String)}, polling every {@code pollEvery} (a duration such as 20s). */
    public static String mailboxConfig(int imapPort, int smtpPort, String messageIdSecret, String pollEvery) {
        return """
                desk:
                  poll-every: %s
                  lease-ttl: 5s
                  batch: 20
                channels:
                  support-mail:
                    plugin: email
                    settings:
                      source: imap
                      host: 127.0.0.1
                      port: "%d"
                      security: none
                      username: support
                      password: secret
                      after-commit: seen
                      smtp-host: 127.0.0.1
                      smtp-port: "%d"
                      smtp-security: none
                      from-address: support@desk.example
                      message-id-secret: %s
                      timeout: PT10S
                """.formatted(pollEvery, imapPort, smtpPort, messageIdSecret);
    }
}
