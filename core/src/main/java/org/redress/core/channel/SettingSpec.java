package org.redress.core.channel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One setting a channel plugin takes, described so that the console can render a form for it and the
 * configuration check can validate it before the channel is opened.
 *
 * @param key          the setting's name, lower case with dots or dashes: {@code directory}, {@code smtp.host}
 * @param type         what sort of value it holds
 * @param required     whether the channel cannot open without it
 * @param defaultValue the value used when it is not given, or empty
 * @param choices      the allowed values of a {@link SettingType#CHOICE} setting, otherwise empty
 * @param description  one sentence for a person configuring the channel
 */
public record SettingSpec(String key, SettingType type, boolean required, Optional<String> defaultValue,
                          List<String> choices, String description) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9]*([.-][a-z0-9]+)*");

    /**
     * Checks the key's form, that a choice setting has choices, a description, and a valid default.
     *
     * @param key the setting's name, lower case with dots or dashes: {@code directory}, {@code smtp.host}
     * @param type what sort of value it holds
     * @param required whether the channel cannot open without it
     * @param defaultValue the value used when it is not given, or empty
     * @param choices the allowed values of a {@link SettingType#CHOICE} setting, otherwise empty
     * @param description one sentence for a person configuring the channel
     */
    public SettingSpec {
        Objects.requireNonNull(key, "key");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("setting key '" + key + "' must be lower case words joined by '.' or '-'");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        choices = List.copyOf(choices);
        if (type == SettingType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice setting '" + key + "' needs its choices");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("setting '" + key + "' needs a description");
        }
        if (required && defaultValue.isPresent()) {
            throw new IllegalArgumentException("setting '" + key + "' is required, so it cannot have a default");
        }
        if (defaultValue.isPresent()) {
            Optional<String> problem = type.problem(defaultValue.get(), choices);
            if (problem.isPresent()) {
                throw new IllegalArgumentException("default of setting '" + key + "' " + problem.get());
            }
        }
    }

    /**
     * A setting that must be given.
     *
     * @param key the setting's name: lower-case words joined by {@code .} or {@code -}
     * @param type the kind of value
     * @param description one sentence for a person configuring the channel
     * @return the setting
     */
    public static SettingSpec required(String key, SettingType type, String description) {
        return new SettingSpec(key, type, true, Optional.empty(), List.of(), description);
    }

    /**
     * A setting that may be left out.
     *
     * @param key the setting's name: lower-case words joined by {@code .} or {@code -}
     * @param type the kind of value
     * @param defaultValue the value used when it is not given, or null for none
     * @param description one sentence for a person configuring the channel
     * @return the setting
     */
    public static SettingSpec optional(String key, SettingType type, String defaultValue, String description) {
        return new SettingSpec(key, type, false, Optional.ofNullable(defaultValue), List.of(), description);
    }

    /**
     * A setting that takes one of a list of values.
     *
     * @param key the setting's name: lower-case words joined by {@code .} or {@code -}
     * @param choices the allowed values
     * @param defaultValue the value used when it is not given; one of the choices
     * @param description one sentence for a person configuring the channel
     * @return the setting
     */
    public static SettingSpec choice(String key, List<String> choices, String defaultValue, String description) {
        return new SettingSpec(key, SettingType.CHOICE, false, Optional.of(defaultValue), choices, description);
    }

    /**
     * Why {@code raw} is not a valid value for this setting, or empty when it is.
     *
     * @param raw the value given
     * @return what is wrong with it, said after the setting's name
     */
    public Optional<String> problem(String raw) {
        return type.problem(raw, choices);
    }
}
