package org.redress.core.channel;

import java.util.List;
import java.util.Objects;

/**
 * What one {@link Channel#read} found.
 *
 * @param items messages and quarantined items, in source order
 * @param next  the checkpoint just after the last item; equal to the one read from when nothing was found
 * @param more  whether the source has more items after {@code next} right now
 */
public record Batch(List<Inbound> items, Checkpoint next, boolean more) {

    public Batch {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }

    public static Batch empty(Checkpoint at) {
        return new Batch(List.of(), at, false);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
