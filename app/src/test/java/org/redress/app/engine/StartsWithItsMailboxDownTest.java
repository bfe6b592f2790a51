package org.redress.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.app.channels.ChannelRegistry;
import org.redress.app.config.DeskConfig;
import org.redress.app.desk.Desk;
import org.redress.app.desk.TestDesks;
import org.redress.app.intake.ChannelPoller;
import org.redress.app.store.Database;
import org.redress.app.store.TestDatabases;

/**
 * A desk starts while its mail server is down (as a running desk rides out the same outage), says so, and reads the
 * mailbox once the server is back; a wrong setting still stops the start.
 */
class StartsWithItsMailboxDownTest {

    @TempDir
    Path dir;

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void the_desk_starts_reports_the_outage_and_reads_the_mailbox_when_its_server_comes_back() throws Exception {
        int imap = freePort();
        int smtp = freePort();
        Path config = Files.writeString(dir.resolve("redress.yaml"), TestDesks.mailboxConfig(imap, smtp, "down-secret"));
        try (Database db = Database.open(TestDatabases.fresh("h2", dir), 8)) {
            Desk desk = Desk.open(db, DeskConfig.load(config, "node-a", System::getenv), ChannelRegistry.discover(),
                    text -> java.util.Optional.of("en"), Clock.systemUTC());
            DeskNode node = DeskNode.open(desk);
            try {
                assertThat(node.unavailable()).singleElement().asString()
                        .startsWith("channels.support-mail: cannot reach IMAP server 127.0.0.1:" + imap);
                node.start();
                ChannelPoller poller = node.pollers().get(0);
                await(() -> poller.lastError() != null, "the outage reported as the channel's last error");
                assertThat(poller.lastError()).contains("cannot reach IMAP server");

                GreenMail mail = new GreenMail(new ServerSetup[] {new ServerSetup(smtp, "127.0.0.1", "smtp"),
                        new ServerSetup(imap, "127.0.0.1", "imap")});
                mail.start();
                try {
                    mail.setUser("support@desk.example", "support", "secret");
                    GreenMailUtil.sendTextEmail("support@desk.example", "ann@customer.example", "Order late",
                            "My order 5512 is two weeks late.", mail.getSmtp().getServerSetup());
                    await(() -> db.jdbi().withHandle(h -> h.createQuery("select count(*) from complaint").mapTo(Integer.class).one()) == 1,
                            "the mail stored once the server is back");
                    await(() -> poller.lastError() == null, "the error cleared");
                } finally {
                    mail.stop();
                }
            } finally {
                node.close();
            }
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("waited 30 s for " + what);
            }
            Thread.sleep(50);
        }
    }
}
