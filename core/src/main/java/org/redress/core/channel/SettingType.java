package org.redress.core.channel;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.DateTimeException;
import java.util.Locale;
import java.util.Optional;

/** The kinds of value a channel setting can hold, each with its own check. */
public enum SettingType {
    /** Free text. */
    TEXT("text"),
    /** Like text, but never shown or logged. */
    SECRET("secret"),
    /** A whole number. */
    INTEGER("a whole number"),
    /** {@code true} or {@code false}. */
    BOOLEAN("true or false"),
    /** A path to a file or a folder. */
    PATH("a file or folder path"),
    /** A TCP port, from 1 to 65535. */
    PORT("a port number from 1 to 65535"),
    /** An ISO-8601 duration such as {@code PT2H}, or a number of seconds. */
    DURATION("a duration such as PT30S or 30 (seconds)"),
    /** A time-zone id such as {@code Europe/Bucharest}. */
    ZONE("a time zone such as Europe/Bucharest or UTC"),
    /** One of {@link SettingSpec#choices()}. */
    CHOICE("one of the listed choices");

    private final String expectation;

    SettingType(String expectation) {
        this.expectation = expectation;
    }

    /**
     * What a valid value looks like, for error messages and forms.
     *
     * @return a phrase such as "a whole number"
     */
    public String expectation() {
        return expectation;
    }

    /** Why {@code raw} is not a valid value of this type, or empty when it is. */
    Optional<String> problem(String raw, java.util.List<String> choices) {
        try {
            switch (this) {
                case INTEGER -> Long.parseLong(raw.strip());
                case BOOLEAN -> {
                    String v = raw.strip().toLowerCase(Locale.ROOT);
                    if (!v.equals("true") && !v.equals("false")) {
                        return Optional.of("must be true or false, got '" + raw + "'");
                    }
                }
                case PATH -> Path.of(raw.strip());
                case PORT -> {
                    int port = Integer.parseInt(raw.strip());
                    if (port < 1 || port > 65535) {
                        return Optional.of("must be a port number from 1 to 65535, got " + port);
                    }
                }
                case DURATION -> parseDuration(raw);
                case ZONE -> ZoneId.of(raw.strip());
                case CHOICE -> {
                    if (!choices.contains(raw.strip())) {
                        return Optional.of("must be one of " + String.join(", ", choices) + ", got '" + raw + "'");
                    }
                }
                case TEXT, SECRET -> {
                }
            }
            return Optional.empty();
        } catch (NumberFormatException | InvalidPathException | DateTimeException e) {
            return Optional.of("must be " + expectation + ", got '" + (this == SECRET ? "***" : raw) + "'");
        }
    }

    static Duration parseDuration(String raw) {
        String v = raw.strip();
        if (v.chars().allMatch(Character::isDigit) && !v.isEmpty()) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        return Duration.parse(v.toUpperCase(Locale.ROOT));
    }
}
