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
 * A desk starts while its mail server is down (as a running desk rides out the same outage), says so, reads the
 * mailbox once the server is back, says when its acknowledgements cannot leave, and sends them once SMTP is back.
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
            org.redress.app.web.DeskServer server = new org.redress.app.web.DeskServer(desk, node);
            String base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
            try {
                assertThat(node.unavailable()).singleElement().asString()
                        .startsWith("channels.support-mail: cannot reach IMAP server 127.0.0.1:" + imap);
                node.start();
                ChannelPoller poller = node.pollers().get(0);
                await(() -> poller.lastError() != null, "the outage reported as the channel's last error");
                assertThat(poller.lastError()).contains("cannot reach IMAP server");
                var degraded = get(base + "/api/health/ready");
                assertThat(degraded.statusCode()).isEqualTo(200);
                assertThat(JSON.readTree(degraded.body()).path("status").asText()).isEqualTo("degraded");
                assertThat(JSON.readTree(degraded.body()).path("channels").get(0).path("lastError").asText()).contains("cannot reach");

                // the mailbox is back, its SMTP server not yet: the mail is read, its acknowledgement cannot leave
                GreenMail imapOnly = new GreenMail(new ServerSetup(imap, "127.0.0.1", "imap"));
                imapOnly.start();
                try {
                    imapOnly.setUser("support@desk.example", "support", "secret").deliver(GreenMailUtil.createTextEmail(
                            "support@desk.example", "ann@customer.example", "Order late", "My order 5512 is two weeks late.",
                            imapOnly.getImap().getServerSetup()));
                    await(() -> count(db, "select count(*) from complaint") == 1, "the mail stored once the mailbox is back");
                    await(() -> poller.lastError() != null && poller.lastError().startsWith("sending: "),
                            "the acknowledgement's failure reported as the channel's last error");
                    assertThat(poller.lastError()).contains("SMTP server 127.0.0.1:" + smtp);
                    assertThat(new org.redress.app.store.ChannelBoard(db).instances()).singleElement()
                            .satisfies(c -> assertThat(c.pending()).as("the acknowledgement waiting").isEqualTo(1));
                    assertThat(JSON.readTree(get(base + "/api/health/ready").body()).path("status").asText()).isEqualTo("degraded");
                } finally {
                    imapOnly.stop();
                }

                GreenMail mail = new GreenMail(new ServerSetup[] {new ServerSetup(smtp, "127.0.0.1", "smtp"),
                        new ServerSetup(imap, "127.0.0.1", "imap")});
                mail.start();
                try {
                    mail.setUser("support@desk.example", "support", "secret");
                    await(() -> mail.getReceivedMessagesForDomain("customer.example").length == 1,
                            "the acknowledgement sent once SMTP is back");
                    await(() -> poller.lastError() == null, "the error cleared");
                    assertThat(JSON.readTree(get(base + "/api/health/ready").body()).path("status").asText()).isEqualTo("ready");
                    assertThat(count(db, "select count(*) from complaint")).isEqualTo(1);
                } finally {
                    mail.stop();
                }
            } finally {
                node.close();
            }
            db.close();
            var down = get(base + "/api/health/ready");
            assertThat(down.statusCode()).as("the database gone").isEqualTo(503);
            assertThat(JSON.readTree(down.body()).path("status").asText()).isEqualTo("not ready");
            assertThat(get(base + "/api/health/live").statusCode()).isEqualTo(200);
            server.close();
        }
    }

    private static int count(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static java.net.http.HttpResponse<String> get(String url) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
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
