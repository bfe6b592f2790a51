package org.redress.core.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Input a channel could not understand. The desk keeps it, with its raw bytes, for a person to look at and
 * retry; the read goes on past it.
 *
 * @param externalId stable id of the item; {@link #of} derives it from the location and the bytes
 * @param reason     what is wrong, for a person: {@code line 12: expected 16, 17, 18, 19 or 21 columns, found 7}
 * @param raw        the bytes and where they came from
 */
public record Quarantined(String externalId, String reason, RawSource raw) implements Inbound {

    /**
     * Checks that the id, a reason and the raw bytes are given.
     *
     * @param externalId stable id of the item; {@link #of} derives it from the location and the bytes
     * @param reason what is wrong, for a person: {@code line 12: expected 16, 17, 18, 19 or 21 columns, found 7}
     * @param raw the bytes and where they came from
     */
    public Quarantined {
        Objects.requireNonNull(externalId, "externalId");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a quarantined item needs a reason");
        }
        Objects.requireNonNull(raw, "raw");
    }

    /**
     * A quarantined item whose id is a digest of where it came from and what it holds.
     *
     * @param reason what is wrong, for a person
     * @param raw the bytes and where they came from
     * @return the quarantined item
     */
    public static Quarantined of(String reason, RawSource raw) {
        return new Quarantined("quarantine:" + digest(raw), reason, raw);
    }

    private static String digest(RawSource raw) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(raw.location().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(raw.bytes());
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
