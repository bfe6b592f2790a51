package org.redress.core.channel;

import java.util.Locale;
import java.util.Objects;

/**
 * Who sent a message, as the channel knows them. The desk matches {@link #kind()} and {@link #value()}
 * against customers' identities.
 *
 * @param kind        what sort of address {@code value} is
 * @param value       the address in its canonical form: a lower-cased email address, {@code network:handle}
 *                    for a social account (for example {@code x:@acme}, {@code mastodon:@ann@example.social}),
 *                    a phone number (E.164 where the channel can tell), or {@code withheld}
 * @param displayName the name the sender gave, or empty
 */
public record SenderIdentity(Kind kind, String value, String displayName) {

    /** The sorts of address a customer can be reached at. */
    public enum Kind {
        /** An email address. */
        EMAIL,
        /** An account on a social network. */
        SOCIAL,
        /** A phone number. */
        PHONE,
        /** A caller who hid their number. */
        WITHHELD
    }

    /**
     * Checks the kind and the value; a missing display name becomes empty.
     *
     * @param kind what sort of address {@code value} is
     * @param value the address in its canonical form: a lower-cased email address, {@code network:handle} for a social account (for example {@code x:@acme}, {@code mastodon:@ann@example.social}), a phone number (E.164 where the channel can tell), or {@code withheld}
     * @param displayName the name the sender gave, or empty
     */
    public SenderIdentity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        displayName = displayName == null ? "" : displayName.strip();
        if (kind != Kind.WITHHELD && value.isBlank()) {
            throw new IllegalArgumentException("a " + kind + " identity needs a value");
        }
    }

    /**
     * An email address, lower-cased.
     *
     * @param address the address
     * @param displayName the name the sender gave, or null
     * @return the identity
     */
    public static SenderIdentity email(String address, String displayName) {
        return new SenderIdentity(Kind.EMAIL, address.strip().toLowerCase(Locale.ROOT), displayName);
    }

    /**
     * An account on a social network, as {@code network:handle}.
     *
     * @param network the network, such as {@code x} or {@code mastodon}
     * @param handle the handle, such as {@code @acme}
     * @param displayName the name the account shows, or null
     * @return the identity
     */
    public static SenderIdentity social(String network, String handle, String displayName) {
        return new SenderIdentity(Kind.SOCIAL, network.toLowerCase(Locale.ROOT) + ":" + handle.strip(), displayName);
    }

    /**
     * A phone number.
     *
     * @param number the number, E.164 where the channel can tell
     * @param displayName the caller's name where the source gives it, or null
     * @return the identity
     */
    public static SenderIdentity phone(String number, String displayName) {
        return new SenderIdentity(Kind.PHONE, number.strip(), displayName);
    }

    /**
     * A caller who hid their number: the desk can never match or call them back by number.
     *
     * @param displayName the caller's name where the source gives it, or null
     * @return the identity
     */
    public static SenderIdentity withheld(String displayName) {
        return new SenderIdentity(Kind.WITHHELD, "withheld", displayName);
    }
}
