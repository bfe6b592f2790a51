package org.redress.core.channel;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * A typed fact a channel puts on an {@link InboundMessage} for the desk to act on: a follower count, a call's
 * outcome, a complaint reference. Channels set it with {@link InboundMessage.Builder#attribute(Attribute, Object)}
 * and the desk reads it with {@link InboundMessage#attribute(Attribute)}, so neither writes {@code "true"} or parses a
 * number back from text. The message keeps each value in its text form (see {@link #encode}) in
 * {@link InboundMessage#attributes()}, which is what the desk stores; a value the key's type cannot read is refused
 * when the message is built, naming the attribute.
 *
 * <p>The attributes the desk reads are constants of {@link InboundMessage} and {@link CallAttributes}. A channel's
 * own facts, which the desk only keeps and shows, may use plain string keys.
 *
 * @param <T> the type of the value
 */
public final class Attribute<T> {

    private final String key;
    private final String expected;
    private final Function<String, T> decode;
    private final Function<T, String> encode;

    private Attribute(String key, String expected, Function<String, T> decode, Function<T, String> encode) {
        this.key = Objects.requireNonNull(key, "key");
        this.expected = expected;
        this.decode = decode;
        this.encode = encode;
    }

    /**
     * Free text: an id, a handle, an address.
     *
     * @param key the key it is kept under
     * @return the attribute
     */
    public static Attribute<String> text(String key) {
        return new Attribute<>(key, "text", s -> s, s -> s);
    }

    /**
     * A whole number of zero or more: followers, a complaint number.
     *
     * @param key the key it is kept under
     * @return the attribute
     */
    public static Attribute<Long> count(String key) {
        return new Attribute<>(key, "a whole number of zero or more", s -> {
            long n = Long.parseLong(s.strip());
            if (n < 0) {
                throw new NumberFormatException("negative");
            }
            return n;
        }, n -> {
            if (n < 0) {
                throw new IllegalArgumentException("attribute '" + key + "': " + n + " is below zero");
            }
            return Long.toString(n);
        });
    }

    /**
     * A yes/no fact, kept as {@code true} or {@code false}.
     *
     * @param key the key it is kept under
     * @return the attribute
     */
    public static Attribute<Boolean> flag(String key) {
        return new Attribute<>(key, "true or false", s -> switch (s.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not true or false");
        }, b -> Boolean.toString(b));
    }

    /**
     * A moment, kept as an ISO-8601 instant such as {@code 2026-11-23T09:00:00Z}.
     *
     * @param key the key it is kept under
     * @return the attribute
     */
    public static Attribute<Instant> instant(String key) {
        return new Attribute<>(key, "an ISO-8601 instant such as 2026-11-23T09:00:00Z", s -> Instant.parse(s.strip()),
                Instant::toString);
    }

    /**
     * A length of time in whole seconds, kept as the number of seconds.
     *
     * @param key the key it is kept under
     * @return the attribute
     */
    public static Attribute<Duration> seconds(String key) {
        return new Attribute<>(key, "a whole number of seconds", s -> Duration.ofSeconds(Long.parseLong(s.strip())),
                d -> Long.toString(d.getSeconds()));
    }

    /**
     * One of an enum's constants, kept as its name in lower case ({@code missed}).
     *
     * @param <E> the enum
     * @param key the key it is kept under
     * @param type the enum's class
     * @return the attribute
     */
    public static <E extends Enum<E>> Attribute<E> oneOf(String key, Class<E> type) {
        StringBuilder names = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            names.append(names.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
        }
        return new Attribute<>(key, "one of " + names, s -> Enum.valueOf(type, s.strip().toUpperCase(Locale.ROOT)),
                e -> e.name().toLowerCase(Locale.ROOT));
    }

    /**
     * The key the value is kept under in {@link InboundMessage#attributes()}.
     *
     * @return the key
     */
    public String key() {
        return key;
    }

    /**
     * The value in its text form.
     *
     * @param value the value, not null
     * @return its text form
     */
    public String encode(T value) {
        return encode.apply(Objects.requireNonNull(value, "value"));
    }

    /**
     * Reads a value from its text form.
     *
     * @throws IllegalArgumentException naming the attribute and what it expects when {@code raw} is not such a value
     * @param raw the text form
     * @return the value
     */
    public T decode(String raw) {
        try {
            return decode.apply(raw);
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("attribute '" + key + "': '" + raw + "' is not " + expected, e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attribute<?> a && a.key.equals(key) && a.expected.equals(expected);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return key + " (" + expected + ")";
    }
}
