package org.redress.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.app.store.Database;
import org.redress.app.store.TestDatabases;

/**
 * Two desk processes ({@code redress serve}, each its own JVM) on one PostgreSQL, polling one GreenMail IMAP
 * mailbox: every customer's mail is stored exactly once, whichever node reads it; when the node holding the
 * mailbox's lease is killed ({@code kill -9}: no goodbye, its lease left to expire), the other node takes the
 * polling over and goes on where the stored checkpoint says, and the acknowledgements reach the customers.
 */
class TwoNodesTest {

    @TempDir
    Path dir;

    GreenMail greenMail;
    final List<Process> nodes = new ArrayList<>();

    @BeforeEach
    void startServer() {
        greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        greenMail.start();
        greenMail.setUser("support@desk.example", "support", "secret");
    }

    @AfterEach
    void stopAll() {
        nodes.forEach(Process::destroyForcibly);
        greenMail.stop();
    }

    @Test
    void each_message_is_ingested_once_and_a_killed_nodes_polling_moves_to_the_other() throws Exception {
        String url = TestDatabases.fresh("postgresql", dir);
        // the schema first, so the two nodes do not race to create it
        Database.open(url, 2).close();
        Path config = dir.resolve("redress.yaml");
        Files.writeString(config, """
                desk:
                  poll-every: 300ms
                  lease-ttl: 3s
                  batch: 5
                channels:
                  support-mail:
                    plugin: email
                    settings:
                      source: imap
                      host: 127.0.0.1
                      port: "%d"
                      security: none
                      username: support
                      password: ${TEST_MAIL_PASSWORD}
                      after-commit: seen
                      smtp-host: 127.0.0.1
                      smtp-port: "%d"
                      smtp-security: none
                      from-address: support@desk.example
                      message-id-secret: two-nodes-secret
                      timeout: PT10S
                """.formatted(greenMail.getImap().getPort(), greenMail.getSmtp().getPort()));
        Process a = serve(url, config, "node-a");
        Process b = serve(url, config, "node-b");
        awaitReady(a, "node-a");
        awaitReady(b, "node-b");

        try (Database db = Database.open(url, 2)) {
            send(0, 20);
            await(() -> count(db, "select count(*) from inbound_message") == 20, "20 messages stored", a, b);
            String holder = holder(db);
            assertThat(holder).isIn("node-a", "node-b");

            Process held = holder.equals("node-a") ? a : b;
            Process other = held == a ? b : a;
            String otherName = holder.equals("node-a") ? "node-b" : "node-a";
            held.destroyForcibly().waitFor();

            send(20, 30);
            await(() -> count(db, "select count(*) from inbound_message") == 30, "30 messages stored after the kill", other, other);
            assertThat(holder(db)).isEqualTo(otherName);
            assertThat(count(db, "select count(distinct external_id) from inbound_message")).isEqualTo(30);
            assertThat(count(db, "select count(*) from complaint")).isEqualTo(30);
            assertThat(count(db, "select count(*) from complaint_entry where kind = 'inbound'")).isEqualTo(30);
            // nothing stored twice under any of the ids
            assertThat(count(db, "select count(*) from (select external_id from complaint_entry where kind = 'inbound' "
                    + "group by external_id having count(*) > 1) d")).isZero();

            // the surviving node delivers the acknowledgements, the dead node's included
            await(() -> count(db, "select count(*) from outbound_message where status = 'sent'") == 30, "30 acknowledgements sent",
                    other, other);
            await(() -> greenMail.getReceivedMessagesForDomain("customer.example").length >= 30, "acknowledgements received",
                    other, other);
            assertThat(greenMail.getReceivedMessagesForDomain("customer.example")[0].getHeader("Auto-Submitted"))
                    .containsExactly("auto-replied");
        }
    }

    void send(int from, int to) {
        ServerSetup smtp = greenMail.getSmtp().getServerSetup();
        for (int i = from; i < to; i++) {
            GreenMailUtil.sendTextEmail("support@desk.example", "customer" + i + "@customer.example", "Order " + i + " never arrived",
                    "Hello, my order number " + i + " never arrived and nobody answers the phone.", smtp);
        }
    }

    Process serve(String url, Path config, String node) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.redress.app.Main");
        command.addAll(List.of("serve", "--db", url, "--config", config.toString(), "--node", node, "--port", "0"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(node));
        pb.environment().put("TEST_MAIL_PASSWORD", "secret");
        Process p = pb.start();
        nodes.add(p);
        return p;
    }

    File log(String node) {
        return dir.resolve(node + ".log").toFile();
    }

    void awaitReady(Process p, String node) throws Exception {
        await(() -> {
            try {
                return Files.readString(log(node).toPath()).contains("ready");
            } catch (java.io.IOException e) {
                return false;
            }
        }, node + " ready", p, p);
    }

    void await(Supplier<Boolean> condition, String what, Process... watched) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < until) {
            if (condition.get()) {
                return;
            }
            for (Process p : watched) {
                if (!p.isAlive() && p.exitValue() != 0 && p.exitValue() != 137) {
                    throw new AssertionError("a node died (" + p.exitValue() + ") waiting for " + what + ":\n" + logs());
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what + ":\n" + logs());
    }

    String logs() {
        StringBuilder s = new StringBuilder();
        for (String node : List.of("node-a", "node-b")) {
            try {
                s.append("--- ").append(node).append(" ---\n").append(Files.readString(log(node).toPath()));
            } catch (java.io.IOException e) {
                s.append("(no log)");
            }
        }
        return s.toString();
    }

    static long count(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    static String holder(Database db) {
        Optional<String> h = db.jdbi().withHandle(handle -> handle.createQuery("select holder from lease where name = 'poll:support-mail'")
                .mapTo(String.class).findOne());
        return h.orElse("nobody");
    }
}
