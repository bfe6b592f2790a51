package org.redress.app.intake;

import org.redress.app.desk.TestDesks;
import org.redress.app.desk.Desk;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.app.channels.ChannelRegistry;
import org.redress.app.store.Database;
import org.redress.app.store.Leases;
import org.redress.app.store.TestDatabases;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelContext;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.ChannelSettings;

/**
 * Two nodes (each its own connection pool and channel instance) polling one mail folder into one PostgreSQL:
 * only the lease holder reads, every message is stored once, and when the holder dies its lease expires and
 * the other node goes on from the stored checkpoint.
 */
class ChannelPollerTest {

    @TempDir
    Path dir;

    static final class Node implements AutoCloseable {
        final Database db;
        final Channel channel;
        final DeskIntake intake;
        final ChannelPoller poller;
        final Thread thread;

        Node(String name, String url, Path folder) throws Exception {
            db = Database.open(url, 4);
            ChannelPlugin email = ChannelRegistry.discover().require("email");
            channel = email.open(ChannelSettings.validate(email.descriptor(), Map.of("path", folder.toString())),
                    new ChannelContext("support", Clock.systemUTC()));
            Desk desk = TestDesks.english(db, Clock.systemUTC());
            intake = desk.intake("email", false);
            poller = new ChannelPoller("support", channel, intake, desk.outbox(), new Leases(db, Clock.systemUTC()),
                    name, Duration.ofSeconds(2), Duration.ofMillis(100), 20);
            thread = new Thread(poller, name);
            thread.start();
        }

        @Override
        public void close() throws Exception {
            poller.die();
            thread.join(10_000);
            channel.close();
            db.close();
        }
    }

    @Test
    void one_node_polls_each_message_is_stored_once_and_a_dead_nodes_work_is_taken_over() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("inbox"));
        String url = TestDatabases.fresh("postgresql", dir);
        try (Node a = new Node("node-a", url, folder); Node b = new Node("node-b", url, folder)) {
            for (int wave = 0; wave < 4; wave++) {
                write(folder, wave * 50, 50);
                Thread.sleep(150);
            }
            awaitStored(a.db, 200);
            long byA = a.intake.counts().read();
            long byB = b.intake.counts().read();
            assertThat(byA + byB).as("read by both nodes together").isEqualTo(200);
            assertThat(byA == 0 || byB == 0).as("only the lease holder read (a %d, b %d)", byA, byB).isTrue();
            Node holder = byA > 0 ? a : b;
            Node other = holder == a ? b : a;

            holder.poller.die(); // no release: the other node must wait for the lease to expire
            holder.thread.join(10_000);
            write(folder, 200, 50);
            awaitStored(other.db, 250);
            assertThat(other.intake.counts().read()).as("the survivor took over").isEqualTo(50);
            assertThat(other.intake.counts().duplicates()).isZero();
            long complaints = other.db.jdbi().withHandle(h -> h.createQuery("select count(*) from complaint").mapTo(Long.class).one());
            assertThat(complaints).isEqualTo(250);
        }
    }

    @Test
    void an_idle_channel_that_cannot_push_is_read_once_per_interval_not_in_a_loop() throws Exception {
        Path mbox = Files.writeString(dir.resolve("idle.mbox"), "From c@customer.example Mon Nov 23 10:00:00 2026\n"
                + "Message-ID: <idle@customer.example>\nFrom: c@customer.example\nSubject: Late\n\nMy parcel is late.\n",
                StandardCharsets.UTF_8);
        ChannelPlugin email = ChannelRegistry.discover().require("email");
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        try (Database db = Database.open(TestDatabases.fresh("h2", dir), 2);
             Channel mboxChannel = email.open(ChannelSettings.validate(email.descriptor(), Map.of("source", "mbox", "path", mbox.toString())),
                     new ChannelContext("idle", Clock.systemUTC()))) {
            Channel counted = new Channel() {
                @Override
                public org.redress.core.channel.Batch read(org.redress.core.channel.Checkpoint after, int max)
                        throws org.redress.core.channel.ChannelException {
                    reads.incrementAndGet();
                    return mboxChannel.read(after, max);
                }

                @Override
                public void close() {
                    mboxChannel.close();
                }
            };
            Desk desk = TestDesks.english(db, Clock.systemUTC());
            ChannelPoller poller = new ChannelPoller("idle", counted, desk.intake("email", false), desk.outbox(),
                    new Leases(db, Clock.systemUTC()), "node-a", Duration.ofSeconds(30), Duration.ofMillis(200), 20);
            Thread thread = new Thread(poller, "idle-poller");
            thread.start();
            awaitStored(db, 1);
            reads.set(0);
            Thread.sleep(2_000);
            poller.stop();
            thread.interrupt();
            thread.join(5_000);
            // about ten rounds of one read in two seconds; without the wait it was thousands
            assertThat(reads.get()).isBetween(3, 20);
        }
    }

    static void awaitStored(Database db, long expected) throws InterruptedException {
        long stored = 0;
        for (int i = 0; i < 300 && stored < expected; i++) {
            Thread.sleep(100);
            stored = db.jdbi().withHandle(h -> h.createQuery("select count(*) from inbound_message").mapTo(Long.class).one());
        }
        assertThat(stored).isEqualTo(expected);
    }

    static void write(Path folder, int from, int count) throws Exception {
        for (int i = from; i < from + count; i++) {
            Files.writeString(folder.resolve(String.format("%05d.eml", i)), "Message-ID: <p" + i + "@customer.example>\r\n"
                    + "From: c" + i + "@customer.example\r\nSubject: Complaint " + i + "\r\n\r\nMy parcel " + i + " is late.\r\n",
                    StandardCharsets.UTF_8);
        }
    }
}
