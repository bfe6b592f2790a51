package org.redress.core.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Channel;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.Quarantined;
import org.redress.core.channel.RawSource;
import org.redress.core.channel.SenderIdentity;
import org.redress.core.channel.testkit.RecordingSink;

class IntakeRunnerTest {

    /** A source of numbered items whose checkpoint is the last number read; it logs calls in order. */
    static class NumberedSource implements Channel {
        final List<String> log = new ArrayList<>();
        final int size;
        final int garbageAt;

        NumberedSource(int size, int garbageAt) {
            this.size = size;
            this.garbageAt = garbageAt;
        }

        @Override
        public Batch read(Checkpoint after, int max) {
            int from = after.isStart() ? 0 : Integer.parseInt(after.value());
            int to = Math.min(size, from + max);
            List<Inbound> items = new ArrayList<>();
            for (int i = from + 1; i <= to; i++) {
                RawSource raw = new RawSource("item " + i, "text/plain", ("item " + i).getBytes());
                items.add(i == garbageAt ? Quarantined.of("item " + i + " is garbage", raw)
                        : InboundMessage.builder("n" + i).sender(SenderIdentity.email("a@b.c", ""))
                        .sentAt(Instant.EPOCH).text("hello " + i).raw(raw).build());
            }
            log.add("read " + after + " -> " + to);
            return new Batch(items, to == from ? after : Checkpoint.of(String.valueOf(to)), to < size);
        }

        @Override
        public void commit(Checkpoint upTo) {
            log.add("commit " + upTo);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void stores_each_batch_before_the_channel_commits_it() throws Exception {
        RecordingSink store = new RecordingSink();
        NumberedSource source = new NumberedSource(5, 3);
        IntakeCounts counts = new IntakeRunner(store, 2).drain("numbers-1", source);

        assertThat(counts).isEqualTo(new IntakeCounts(5, 4, 0, 1));
        assertThat(source.log).containsExactly("read START -> 2", "commit 2", "read 2 -> 4", "commit 4",
                "read 4 -> 5", "commit 5");
        assertThat(store.storedCheckpoints()).extracting(Checkpoint::value).containsExactly("2", "4", "5");
        assertThat(store.quarantined()).singleElement().satisfies(q -> assertThat(q.reason()).contains("garbage"));
    }

    @Test
    void a_crash_before_commit_makes_the_next_run_a_no_op_for_what_was_stored() throws Exception {
        RecordingSink store = new RecordingSink();
        NumberedSource source = new NumberedSource(4, -1) {
            @Override
            public void commit(Checkpoint upTo) {
                throw new IllegalStateException("power cut");
            }
        };
        assertThatThrownBy(() -> new IntakeRunner(store, 2).drain("n", source)).hasMessage("power cut");
        assertThat(store.messages()).hasSize(2);

        // The restarted desk reads from its own stored checkpoint; the source was never advanced.
        IntakeCounts resumed = new IntakeRunner(store, 10).drain("n", new NumberedSource(4, -1));
        assertThat(resumed.stored()).isEqualTo(2);
        assertThat(store.messages()).extracting(InboundMessage::externalId).containsExactly("n1", "n2", "n3", "n4");
    }

    @Test
    void duplicates_change_nothing() throws Exception {
        RecordingSink store = new RecordingSink();
        NumberedSource source = new NumberedSource(3, -1);
        store.store("n", source.read(Checkpoint.START, 3));
        IntakeCounts again = store.store("n", source.read(Checkpoint.START, 3));
        assertThat(again).isEqualTo(new IntakeCounts(3, 0, 3, 0));
        assertThat(store.messages()).hasSize(3);
    }
}
