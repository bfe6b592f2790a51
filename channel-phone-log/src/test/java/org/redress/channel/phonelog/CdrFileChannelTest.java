package org.redress.channel.phonelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.Quarantined;
import org.redress.core.channel.SenderIdentity;

class CdrFileChannelTest {

    @TempDir
    Path dir;

    private Channel open(Path file) throws Exception {
        PhoneLogChannelPlugin plugin = new PhoneLogChannelPlugin();
        return plugin.open(ChannelSettings.validate(plugin.descriptor(), Map.of("file", file.toString(),
                "time-zone", "Europe/London")), new ChannelContext("t", Clock.systemUTC()));
    }

    @Test
    void maps_an_asterisk_line_with_quotes_commas_and_an_empty_answer_time() throws Exception {
        Path file = dir.resolve("Master.csv");
        Files.writeString(file, "\"\",\"+442079460555\",\"100\",\"from-trunk\",\"\"\"ACME Ltd, Accounts\"\" <+442079460555>\","
                + "\"PJSIP/trunk-0e\",\"PJSIP/203-0f\",\"Dial\",\"PJSIP/203,30,tT\",\"2025-03-05 08:00:00\",,"
                + "\"2025-03-05 08:00:01\",1,0,\"CONGESTION\",\"DOCUMENTATION\",\"1741161600.14\",\"\"\n");
        try (Channel channel = open(file)) {
            InboundMessage call = (InboundMessage) channel.read(Checkpoint.START, 10).items().get(0);
            assertThat(call.externalId()).isEqualTo("1741161600.14");
            assertThat(call.sender()).isEqualTo(SenderIdentity.phone("+442079460555", "ACME Ltd, Accounts"));
            assertThat(call.sentAt()).isEqualTo(Instant.parse("2025-03-05T08:00:00Z"));
            assertThat(call.attributes()).containsEntry("disposition", "CONGESTION").containsEntry("durationSeconds", "1");
        }
    }

    @Test
    void a_line_still_being_written_waits_and_a_growing_file_is_followed_from_its_offset() throws Exception {
        Path file = dir.resolve("Master.csv");
        String first = Cdr.in("+40721000001", "Ana", "2026-03-02 09:00:00", "ANSWERED", "1.1", "");
        String second = Cdr.in("+40721000002", "Ion", "2026-03-02 09:05:00", "BUSY", "1.2", "");
        Files.writeString(file, first + second.substring(0, 30));
        try (Channel channel = open(file)) {
            Batch batch = channel.read(Checkpoint.START, 10);
            assertThat(batch.items()).extracting(i -> i.externalId()).containsExactly("1.1");
            assertThat(batch.more()).isFalse();
            Files.writeString(file, second.substring(30), StandardOpenOption.APPEND);
            Batch next = channel.read(batch.next(), 10);
            assertThat(next.items()).extracting(i -> i.externalId()).containsExactly("1.2");
            assertThat(next.next().value()).isEqualTo((first + second).getBytes().length + ":2");
        }
    }

    @Test
    void a_bad_row_names_its_line_and_the_rest_of_the_file_goes_on() throws Exception {
        Path file = dir.resolve("Master.csv");
        Files.writeString(file, Cdr.in("+1", "A", "2026-03-02 09:00:00", "ANSWERED", "1.1", "")
                + "\"x\",\"y\"\n" + Cdr.in("+2", "B", "2026-03-02 09:01:00", "ANSWERED", "1.3", ""));
        try (Channel channel = open(file)) {
            List<?> items = channel.read(Checkpoint.START, 10).items();
            assertThat(items).hasSize(3);
            assertThat(items.get(1)).isInstanceOfSatisfying(Quarantined.class, q -> {
                assertThat(q.reason()).isEqualTo("line 2: expected 16 to 21 columns, found 2");
                assertThat(q.raw().location()).isEqualTo("Master.csv line 2");
            });
            assertThat(((InboundMessage) items.get(2)).externalId()).isEqualTo("1.3");
        }
    }
}
