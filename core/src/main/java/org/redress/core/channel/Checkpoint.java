package org.redress.core.channel;

import java.util.Objects;

/**
 * A position in a channel's source, opaque to the desk: a file name, a byte offset, an API since-id.
 * The desk stores it after each committed batch and hands it back on the next read.
 *
 * @param value the channel's own encoding of the position; empty for {@link #START}
 */
public record Checkpoint(String value) {

    /** Before the first item of the source. */
    public static final Checkpoint START = new Checkpoint("");

    /**
     * Checks that the value is given (empty for the start).
     *
     * @param value the channel's own encoding of the position; empty for {@link #START}
     */
    public Checkpoint {
        Objects.requireNonNull(value, "value");
    }

    /**
     * A checkpoint from its value; an empty value is {@link #START}.
     *
     * @param value the channel's own encoding of the position
     * @return the checkpoint
     */
    public static Checkpoint of(String value) {
        return value.isEmpty() ? START : new Checkpoint(value);
    }

    /**
     * Whether this is the position before the first item.
     *
     * @return true for {@link #START}
     */
    public boolean isStart() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return isStart() ? "START" : value;
    }
}
