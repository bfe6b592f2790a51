package org.redress.core.channel;

import java.util.Arrays;
import java.util.Objects;

/**
 * An item exactly as its source delivered it, kept for audit and for retrying.
 *
 * @param location  where it came from, for a person to find it: {@code inbox/0003.eml},
 *                  {@code Master.csv line 12}, {@code mentions.json item 4}
 * @param mediaType what the bytes are, for example {@code message/rfc822}, {@code text/csv}
 * @param bytes     the bytes
 */
public record RawSource(String location, String mediaType, byte[] bytes) {

    /**
     * Checks the parts and keeps a copy of the bytes.
     *
     * @param location where it came from, for a person to find it: {@code inbox/0003.eml}, {@code Master.csv line 12}, {@code mentions.json item 4}
     * @param mediaType what the bytes are, for example {@code message/rfc822}, {@code text/csv}
     * @param bytes the bytes
     */
    public RawSource {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(mediaType, "mediaType");
        bytes = bytes.clone();
    }

    /**
     * The bytes; a copy, so the source stays as it was read.
     *
     * @return the bytes
     */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * How many bytes there are.
     *
     * @return the number of bytes
     */
    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawSource r && location.equals(r.location) && mediaType.equals(r.mediaType)
                && Arrays.equals(bytes, r.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(location, mediaType, Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "RawSource[" + location + ", " + mediaType + ", " + bytes.length + " bytes]";
    }
}
