package org.redress.core.intake;

import org.redress.core.channel.Batch;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.Checkpoint;

/**
 * Moves what a channel instance has into the desk, keeping the order that makes intake safe:
 * read after the stored checkpoint, store the batch (deduped, with its checkpoint, in one transaction),
 * and only then let the channel commit at its source. A crash at any point makes the next run read the
 * same items again, which the store's dedupe turns into nothing.
 */
public final class IntakeRunner {

    private final InboundStore store;
    private final int batchSize;

    public IntakeRunner(InboundStore store, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.store = store;
        this.batchSize = batchSize;
    }

    /**
     * Reads until the channel has nothing more right now.
     *
     * @throws ChannelException when the source as a whole fails; batches stored before it stay stored
     */
    public IntakeCounts drain(String instance, Channel channel) throws ChannelException {
        IntakeCounts total = IntakeCounts.NONE;
        while (true) {
            Checkpoint from = store.checkpoint(instance);
            Batch batch = channel.read(from, batchSize);
            if (batch.isEmpty() && batch.next().equals(from)) {
                return total;
            }
            total = total.plus(store.store(instance, batch));
            channel.commit(batch.next());
            if (!batch.more()) {
                return total;
            }
        }
    }
}
