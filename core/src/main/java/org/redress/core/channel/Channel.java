package org.redress.core.channel;

/**
 * One configured source of a channel plugin: one mailbox, one social account, one CDR file.
 *
 * <p>Contract (checked by the contract test kit in core's test-jar):
 * <ul>
 *   <li>{@link #read} is free of side effects at the source. Reading from the same checkpoint twice yields
 *       the same items with the same external ids, in the same order.</li>
 *   <li>Items come in source order; the {@link Batch#next() next} checkpoint of a batch covers exactly the
 *       items in it, so paging through with small batches yields what one large batch would.</li>
 *   <li>{@link #read} never throws for one bad item: it returns a {@link Quarantined} in its place. It throws
 *       {@link ChannelException} only when the source as a whole cannot be read (host down, file gone).</li>
 *   <li>{@link #commit} is called by the desk only after it has durably stored every item up to that
 *       checkpoint; it is where the source may be advanced. Committing the same checkpoint twice is harmless.</li>
 * </ul>
 * An instance is used by one thread at a time; the desk serialises calls to it. An instance that can also send
 * replies implements {@link ReplyingChannel}.
 */
public interface Channel extends AutoCloseable {

    /**
     * Reads up to {@code max} items after the given checkpoint.
     *
     * @param after where the last committed batch ended, or {@link Checkpoint#START}
     * @param max   the most items to return, at least 1
     * @return what was found, with the checkpoint after it
     * @throws ChannelException when the source as a whole cannot be read (host down, file gone)
     */
    Batch read(Checkpoint after, int max) throws ChannelException;

    /**
     * Tells the channel that everything up to and including {@code upTo} is stored by the desk. The default
     * does nothing, which is right for sources whose position lives only in the desk's checkpoint.
     *
     * @param upTo the checkpoint of the last batch the desk stored
     * @throws ChannelException when the source cannot be advanced; the desk tries again after the next read
     */
    default void commit(Checkpoint upTo) throws ChannelException {
    }

    /**
     * Waits until the source may have something new, or until {@code max} has passed, whichever comes first;
     * the desk calls it between reads instead of sleeping. A source that can push (IMAP IDLE) returns as soon
     * as it hears of new items; the default returns at once, and the desk then polls on its own schedule.
     *
     * @return true when the source signalled something new, false when it only waited (or cannot tell)
     * @param max the longest the call may take
     * @throws ChannelException when the source cannot be watched; the desk then polls
     */
    default boolean awaitNew(java.time.Duration max) throws ChannelException {
        return false;
    }

    /** Releases the source. Closing twice is harmless. */
    @Override
    void close();
}
