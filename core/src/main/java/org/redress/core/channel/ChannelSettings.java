package org.redress.core.channel;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The settings of one channel instance, validated against its plugin's {@link ChannelDescriptor}: every
 * required setting is present, every value has the right type, and no unknown key slipped in (a typo would
 * otherwise be silently ignored). Defaults are filled in.
 */
public final class ChannelSettings {

    private final ChannelDescriptor descriptor;
    private final Map<String, String> values;

    private ChannelSettings(ChannelDescriptor descriptor, Map<String, String> values) {
        this.descriptor = descriptor;
        this.values = values;
    }

    /**
     * Checks {@code raw} against the descriptor.
     *
     * @throws InvalidSettingsException naming every setting that is missing, unknown or malformed
     * @param descriptor the plugin's descriptor, which declares the settings
     * @param raw the settings as configured, by name
     * @return the settings, with defaults filled in
     */
    public static ChannelSettings validate(ChannelDescriptor descriptor, Map<String, String> raw)
            throws InvalidSettingsException {
        List<InvalidSettingsException.Problem> problems = new ArrayList<>();
        Map<String, String> values = new TreeMap<>();
        for (String key : new TreeMap<>(raw).keySet()) {
            if (descriptor.setting(key).isEmpty()) {
                String known = descriptor.settings().stream().map(SettingSpec::key).collect(Collectors.joining(", "));
                problems.add(new InvalidSettingsException.Problem(key,
                        "is unknown; known settings: " + (known.isEmpty() ? "none" : known)));
            }
        }
        for (SettingSpec spec : descriptor.settings()) {
            String value = raw.get(spec.key());
            if (value == null || value.isBlank()) {
                if (spec.required()) {
                    problems.add(new InvalidSettingsException.Problem(spec.key(),
                            "is required: " + spec.description()));
                } else {
                    spec.defaultValue().ifPresent(d -> values.put(spec.key(), d));
                }
                continue;
            }
            Optional<String> problem = spec.problem(value);
            if (problem.isPresent()) {
                problems.add(new InvalidSettingsException.Problem(spec.key(), problem.get()));
            } else {
                values.put(spec.key(), value.strip());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(descriptor.id(), problems);
        }
        return new ChannelSettings(descriptor, values);
    }

    /**
     * The descriptor the settings were checked against.
     *
     * @return the plugin's descriptor
     */
    public ChannelDescriptor descriptor() {
        return descriptor;
    }

    /**
     * The value of a setting, or empty when it is optional, not given and has no default.
     *
     * @param key the setting's name
     * @return its value
     */
    public Optional<String> text(String key) {
        spec(key);
        return Optional.ofNullable(values.get(key));
    }

    /**
     * The value of a required setting or one with a default.
     *
     * @param key the setting's name
     * @return its value
     * @throws IllegalStateException when it has none (a plugin asking for a setting it did not declare so)
     */
    public String require(String key) {
        return text(key).orElseThrow(() -> new IllegalStateException(
                "setting '" + key + "' of channel '" + descriptor.id() + "' has no value and no default"));
    }

    /**
     * A path setting.
     *
     * @param key the setting's name
     * @return the path, when given
     */
    public Optional<Path> path(String key) {
        return text(key).map(Path::of);
    }

    /**
     * A path setting that must name a readable file.
     *
     * @throws ChannelException naming the setting and the path when it is not one
     * @param key the setting's name
     * @return the file
     */
    public Path readableFile(String key) throws ChannelException {
        Path p = path(key).orElseThrow(() -> new ChannelException("channel '" + descriptor.id() + "': setting '" + key
                + "' is needed here"));
        if (!java.nio.file.Files.isRegularFile(p) || !java.nio.file.Files.isReadable(p)) {
            throw new ChannelException("channel '" + descriptor.id() + "': setting '" + key + "' names "
                    + p.toAbsolutePath() + ", which is not a readable file");
        }
        return p;
    }

    /**
     * A path setting that must name a folder.
     *
     * @throws ChannelException naming the setting and the path when it is not one
     * @param key the setting's name
     * @return the folder
     */
    public Path folder(String key) throws ChannelException {
        Path p = path(key).orElseThrow(() -> new ChannelException("channel '" + descriptor.id() + "': setting '" + key
                + "' is needed here"));
        if (!java.nio.file.Files.isDirectory(p)) {
            throw new ChannelException("channel '" + descriptor.id() + "': setting '" + key + "' names "
                    + p.toAbsolutePath() + ", which is not a folder");
        }
        return p;
    }

    /**
     * A whole-number setting.
     *
     * @param key the setting's name
     * @return the number, when given or defaulted
     */
    public Optional<Long> integer(String key) {
        return text(key).map(Long::parseLong);
    }

    /**
     * A true-or-false setting.
     *
     * @param key the setting's name
     * @return the value, when given or defaulted
     */
    public Optional<Boolean> bool(String key) {
        return text(key).map(v -> v.toLowerCase(Locale.ROOT).equals("true"));
    }

    /**
     * A duration setting (ISO-8601, or a number of seconds).
     *
     * @param key the setting's name
     * @return the duration, when given or defaulted
     */
    public Optional<Duration> duration(String key) {
        return text(key).map(SettingType::parseDuration);
    }

    /**
     * A time-zone setting.
     *
     * @param key the setting's name
     * @return the zone, when given or defaulted
     */
    public Optional<ZoneId> zone(String key) {
        return text(key).map(ZoneId::of);
    }

    /**
     * A comma-separated setting as a list of its trimmed, non-empty items.
     *
     * @param key the setting's name
     * @return the items, empty when the setting is not given
     */
    public List<String> list(String key) {
        return text(key).map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    private SettingSpec spec(String key) {
        return descriptor.setting(key).orElseThrow(() -> new IllegalArgumentException(
                "channel '" + descriptor.id() + "' declares no setting '" + key + "'"));
    }

    /** Secrets are masked, so settings can be logged. */
    @Override
    public String toString() {
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + (spec(e.getKey()).type() == SettingType.SECRET ? "***" : e.getValue()))
                .collect(Collectors.joining(", ", descriptor.id() + "{", "}"));
    }
}
