package org.redress.core.channel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@link Channel#read} found.
 *
 * @param items    messages and quarantined items, in source order
 * @param next     the checkpoint just after the last item; equal to the one read from when nothing was found
 * @param more     whether the source has more items after {@code next} right now
 * @param progress how far through its source {@code next} is, when the source knows its own size (a file, a
 *                 folder); empty for sources without an end (a mailbox on a server, a social network). Callers
 *                 draw progress from it and never parse a checkpoint, which stays opaque.
 */
public record Batch(List<Inbound> items, Checkpoint next, boolean more, Optional<Progress> progress) {

    /**
     * How much of a source is read: {@code done} of {@code total} in the source's own unit (bytes, files, lines).
     *
     * @param done  how much lies before the batch's {@code next} checkpoint, from 0 to {@code total}
     * @param total the size of the whole source, at least 1
     */
    public record Progress(long done, long total) {

        /**
         * Checks that {@code done} lies within {@code total}.
         *
         * @param done how much lies before the batch's {@code next} checkpoint, from 0 to {@code total}
         * @param total the size of the whole source, at least 1
         */
        public Progress {
            if (total < 1 || done < 0 || done > total) {
                throw new IllegalArgumentException("progress " + done + " of " + total + ": need 0 <= done <= total and total >= 1");
            }
        }

        /**
         * The share read, from 0 to 1.
         *
         * @return {@code done / total}
         */
        public double share() {
            return done / (double) total;
        }
    }

    /**
     * Copies the items and checks that the checkpoint and the progress are given.
     *
     * @param items messages and quarantined items, in source order
     * @param next the checkpoint just after the last item; equal to the one read from when nothing was found
     * @param more whether the source has more items after {@code next} right now
     * @param progress how far through its source {@code next} is, when the source knows its own size (a file, a folder); empty for sources without an end (a mailbox on a server, a social network). Callers draw progress from it and never parse a checkpoint, which stays opaque.
     */
    public Batch {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(progress, "progress");
    }

    /**
     * A batch from a source that does not know its size.
     *
     * @param items messages and quarantined items, in source order
     * @param next the checkpoint just after the last item
     * @param more whether the source has more items after {@code next} right now
     */
    public Batch(List<Inbound> items, Checkpoint next, boolean more) {
        this(items, next, more, Optional.empty());
    }

    /**
     * A batch that says how far through its source it is.
     *
     * @param items messages and quarantined items, in source order
     * @param next the checkpoint just after the last item
     * @param more whether the source has more items after {@code next} right now
     * @param done how much of the source lies before {@code next}, in the source's own unit
     * @param total the size of the whole source in that unit; below 1, the batch gives no progress
     */
    public Batch(List<Inbound> items, Checkpoint next, boolean more, long done, long total) {
        this(items, next, more, total < 1 ? Optional.empty() : Optional.of(new Progress(Math.min(done, total), total)));
    }

    /**
     * Nothing found after {@code at}.
     *
     * @param at the checkpoint read from
     * @return an empty batch that stays at {@code at}
     */
    public static Batch empty(Checkpoint at) {
        return new Batch(List.of(), at, false);
    }

    /**
     * Whether the batch holds no item.
     *
     * @return true when nothing was found
     */
    public boolean isEmpty() {
        return items.isEmpty();
    }
}
