package org.redress.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
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

/**
 * A drop folder is written by other programs while the desk reads it. The name checkpoint would pass over a
 * file that was half written or missing from the listing, so the read stops at the first file still changing.
 */
class EmlSettleTest {

    @TempDir
    Path dir;

    @Test
    void a_file_still_being_written_and_every_file_after_it_wait_for_the_next_read() throws Exception {
        write("001.eml", "complete one", 60);
        write("002.eml", "", 0); // just created, nothing in it yet
        write("003.eml", "complete three", 60);

        EmailChannelPlugin plugin = new EmailChannelPlugin();
        try (Channel channel = plugin.open(ChannelSettings.validate(plugin.descriptor(),
                Map.of(EmailChannelPlugin.PATH, dir.toString())), new ChannelContext("settle", Clock.systemUTC()))) {
            Batch first = channel.read(Checkpoint.START, 10);
            assertThat(subjects(first.items())).containsExactly("complete one");
            assertThat(first.next().value()).isEqualTo("001.eml");
            assertThat(first.more()).isFalse();

            write("002.eml", "complete two", 60); // the writer finished a while ago
            Batch second = channel.read(first.next(), 10);
            assertThat(subjects(second.items())).containsExactly("complete two", "complete three");
            assertThat(second.next().value()).isEqualTo("003.eml");
        }
    }

    @Test
    void settle_zero_reads_everything_at_once() throws Exception {
        write("001.eml", "fresh", 0);
        EmailChannelPlugin plugin = new EmailChannelPlugin();
        try (Channel channel = plugin.open(ChannelSettings.validate(plugin.descriptor(),
                Map.of(EmailChannelPlugin.PATH, dir.toString(), EmailChannelPlugin.SETTLE, "PT0S")),
                new ChannelContext("settle", Clock.systemUTC()))) {
            assertThat(subjects(channel.read(Checkpoint.START, 10).items())).containsExactly("fresh");
        }
    }

    private void write(String name, String subject, int secondsAgo) throws Exception {
        Path file = dir.resolve(name);
        String body = subject.isEmpty() ? "" : "Message-ID: <" + name + "@customer.example>\r\nFrom: c@customer.example\r\n"
                + "Subject: " + subject + "\r\n\r\nMy parcel is late.\r\n";
        Files.writeString(file, body, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(secondsAgo)));
    }

    private static List<String> subjects(List<Inbound> items) {
        return items.stream().map(i -> ((InboundMessage) i).subject()).toList();
    }
}
