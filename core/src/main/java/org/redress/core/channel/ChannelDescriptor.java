package org.redress.core.channel;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a channel plugin is and which settings it takes.
 *
 * @param id          stable id used in configuration, lower case: {@code email}, {@code phone-log}
 * @param displayName the name people see
 * @param version     the plugin's version
 * @param settings    every setting the plugin reads, in the order a form should show them
 * @param canReply    whether instances of this plugin can send replies (are {@link ReplyingChannel}s) when their
 *                    settings allow it; the desk owes nothing through a plugin that cannot
 */
public record ChannelDescriptor(String id, String displayName, String version, List<SettingSpec> settings,
                                boolean canReply) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    /**
     * Checks the id, the display name and the version, and that no setting is declared twice.
     *
     * @param id stable id used in configuration, lower case: {@code email}, {@code phone-log}
     * @param displayName the name people see
     * @param version the plugin's version
     * @param settings every setting the plugin reads, in the order a form should show them
     * @param canReply whether instances of this plugin can send replies (are {@link ReplyingChannel}s) when their settings allow it; the desk owes nothing through a plugin that cannot
     */
    public ChannelDescriptor {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("channel id '" + id
                    + "' must be 1-32 lower-case letters, digits or '-', starting with a letter");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("channel '" + id + "' needs a display name");
        }
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("channel '" + id + "' needs a version");
        }
        settings = List.copyOf(settings);
        Set<String> keys = new HashSet<>();
        for (SettingSpec s : settings) {
            if (!keys.add(s.key())) {
                throw new IllegalArgumentException("channel '" + id + "' declares setting '" + s.key() + "' twice");
            }
        }
    }

    /**
     * The {@code version} property of the {@code version.properties} file in the plugin class's package, which
     * the build fills in; "unknown" when there is none. Lets a plugin report the version it was built as.
     *
     * @param pluginClass the plugin's class, beside whose package the file lies
     * @return the version, or {@code unknown}
     */
    public static String versionOf(Class<?> pluginClass) {
        try (InputStream in = pluginClass.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * The setting of that name.
     *
     * @param key the setting's name
     * @return the setting, when the plugin declares it
     */
    public Optional<SettingSpec> setting(String key) {
        return settings.stream().filter(s -> s.key().equals(key)).findFirst();
    }
}
