package org.redress.core.intake;

import org.redress.core.channel.Batch;
import org.redress.core.channel.Checkpoint;

/**
 * Where the desk keeps what its channels read. Implemented by the persistence adapter of the app.
 */
public interface InboundStore {

    /** The checkpoint committed last for a channel instance, or {@link Checkpoint#START}. */
    Checkpoint checkpoint(String instance);

    /**
     * Stores a batch in one transaction: every message not seen before under (instance, external id), every
     * quarantined item with its raw bytes, and the batch's next checkpoint. Items already stored are counted
     * as duplicates and change nothing. When this returns, the batch is durable.
     */
    IntakeCounts store(String instance, Batch batch);
}
