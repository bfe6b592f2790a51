package org.redress.channel.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelContext;
import org.redress.core.channel.ChannelSettings;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.Quarantined;

/**
 * Export files as careless tools and people leave them. Every item in is a message out or a quarantine naming
 * it, never silently gone; the file is read as a stream in id order, in batches, from any checkpoint.
 */
class BrokenExportsTest {

    @TempDir
    Path dir;

    private Channel open(Path file, String network) throws Exception {
        SocialChannelPlugin plugin = new SocialChannelPlugin();
        return plugin.open(ChannelSettings.validate(plugin.descriptor(), Map.of("file", file.toString(),
                "network", network, "own-handle", "acme")), new ChannelContext("t", Clock.systemUTC()));
    }

    /** Reads everything after {@code at}, in batches of {@code max}, as the poller would. */
    private static List<Inbound> drain(Channel channel, Checkpoint at, int max, List<Checkpoint> checkpoints) throws Exception {
        List<Inbound> all = new ArrayList<>();
        while (true) {
            Batch b = channel.read(at, max);
            all.addAll(b.items());
            checkpoints.add(b.next());
            if (!b.more() || b.next().equals(at)) {
                return all;
            }
            at = b.next();
        }
    }

    private static String mastodon(int id) {
        return Posts.mastodon(Integer.toString(id), "ann@social.example", "<p>@acme order " + id + "</p>", "public", null, false);
    }

    @Test
    void a_newest_first_export_is_read_oldest_first_in_batches_and_each_item_once() throws Exception {
        StringBuilder json = new StringBuilder("[");
        for (int id = 250; id >= 1; id--) {
            json.append(mastodon(id * 3)).append(id > 1 ? "," : "]");
        }
        Path file = Files.writeString(dir.resolve("n.json"), json);
        try (Channel channel = open(file, "mastodon")) {
            List<Checkpoint> checkpoints = new ArrayList<>();
            List<Inbound> items = drain(channel, Checkpoint.START, 40, checkpoints);
            assertThat(items).extracting(Inbound::externalId).hasSize(250).doesNotHaveDuplicates()
                    .startsWith("3", "6", "9").endsWith("750");
            // from a checkpoint in the middle, the rest and nothing else
            List<Inbound> rest = drain(channel, checkpoints.get(2), 1000, new ArrayList<>());
            assertThat(rest).extracting(Inbound::externalId).hasSize(250 - 120).startsWith("363");
        }
    }

    @Test
    void every_item_in_is_a_message_out_or_a_quarantine_on_mastodon() throws Exception {
        List<String> items = List.of(
                mastodon(10),
                "{\"created_at\":\"2026-03-02T10:15:00.000Z\",\"content\":\"<p>no id</p>\"}",
                "42",
                "\"a string where a status belongs\"",
                "{\"id\":\"11\",\"content\":\"<p>no author</p>\",\"created_at\":\"2026-03-02T10:15:00.000Z\"}",
                mastodon(12).replace("2026-03-02T10:15:00.000Z", "yesterday"),
                "null",
                "[]",
                mastodon(13));
        assertEveryItemAccountedFor("mastodon", "[" + String.join(",", items) + "]", items.size(), 2);
    }

    @Test
    void every_item_in_is_a_message_out_or_a_quarantine_on_x() throws Exception {
        List<String> statuses = List.of(
                Posts.x("500", "ann", "Ann", 10, "@acme late", null),
                "{\"text\":\"no id\"}",
                Posts.x("501", "bob", "Bob", 10, "@acme broken", null).replace("Mon Mar 02 10:15:00 +0000 2026", "soon"),
                "{\"id_str\":\"502\",\"created_at\":\"Mon Mar 02 10:15:00 +0000 2026\",\"text\":\"no user\"}",
                "true",
                Posts.x("503", "cy", "Cy", 10, "@acme refund", null));
        // the statuses in an object, and a second document pasted after it
        String json = "{\"search_metadata\":{},\"statuses\":[" + String.join(",", statuses) + "]}\n["
                + Posts.x("504", "di", "Di", 1, "@acme and again", null) + "]";
        assertEveryItemAccountedFor("x", json, statuses.size() + 1, 3);
    }

    private void assertEveryItemAccountedFor(String network, String json, int itemsIn, int messages) throws Exception {
        Path file = Files.writeString(dir.resolve(network + ".json"), json);
        try (Channel channel = open(file, network)) {
            List<Inbound> out = drain(channel, Checkpoint.START, 2, new ArrayList<>());
            long read = out.stream().filter(InboundMessage.class::isInstance).count();
            List<Quarantined> quarantined = out.stream().filter(Quarantined.class::isInstance).map(Quarantined.class::cast).toList();
            assertThat(read).isEqualTo(messages);
            assertThat(read + quarantined.size()).as("items out + quarantined = items in").isEqualTo(itemsIn);
            assertThat(quarantined).allSatisfy(q -> assertThat(q.raw().location()).matches(network + "\\.json item \\d+"));
        }
    }

    @Test
    void a_file_that_breaks_after_part_of_it_was_read_is_reported_then_read_on_from_there_once_fixed() throws Exception {
        Path file = dir.resolve("n.json");
        Files.writeString(file, "[" + mastodon(1) + "," + mastodon(2) + "]");
        try (Channel channel = open(file, "mastodon")) {
            Batch first = channel.read(Checkpoint.START, 10);
            assertThat(first.items()).hasSize(2);

            // a tool rewrites it and dies half way
            Files.writeString(file, "[" + mastodon(1) + "," + mastodon(2) + "," + mastodon(3) + ",{\"id\":\"4\",");
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
            Batch broken = channel.read(first.next(), 10);
            assertThat(broken.items()).singleElement().isInstanceOfSatisfying(Quarantined.class,
                    q -> assertThat(q.reason()).startsWith("malformed JSON").contains("line 1"));
            assertThat(channel.read(broken.next(), 10).items()).as("reported once").isEmpty();

            Files.writeString(file, "[" + mastodon(1) + "," + mastodon(2) + "," + mastodon(3) + "," + mastodon(4) + "]");
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
            assertThat(channel.read(broken.next(), 10).items()).extracting(Inbound::externalId).containsExactly("3", "4");
        }
    }
}
