package org.redress.core.channel;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file that came with a message.
 *
 * @param name      the file name as decoded from the source (never a path)
 * @param mediaType the declared media type, for example {@code application/pdf}
 * @param content   the bytes
 */
public record Attachment(String name, String mediaType, byte[] content) {

    /**
     * Checks that every part is there and copies the content.
     *
     * @param name the file name as decoded from the source (never a path)
     * @param mediaType the declared media type, for example {@code application/pdf}
     * @param content the bytes
     */
    public Attachment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        content = content.clone();
    }

    /**
     * The size of the content in bytes.
     *
     * @return the number of bytes
     */
    public long size() {
        return content.length;
    }

    /**
     * The content; a copy, so the attachment stays as it was read.
     *
     * @return the bytes of the file
     */
    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attachment a && name.equals(a.name) && mediaType.equals(a.mediaType)
                && Arrays.equals(content, a.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, mediaType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "Attachment[" + name + ", " + mediaType + ", " + content.length + " bytes]";
    }
}
