package org.redress.app.channels;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.redress.core.channel.ChannelPlugin;

/**
 * The channel plugins this desk knows: found with {@link ServiceLoader} in production, given explicitly in
 * tests. Two plugins claiming one id, or a plugin that cannot be loaded, stop start-up; asking for an id no
 * plugin has names the ids there are, so a typo in the configuration is never a silently missing channel.
 */
public final class ChannelRegistry {

    private final Map<String, ChannelPlugin> plugins;

    private ChannelRegistry(Map<String, ChannelPlugin> plugins) {
        this.plugins = plugins;
    }

    /** The plugins on the class path, through {@code META-INF/services/org.redress.core.channel.ChannelPlugin}. */
    public static ChannelRegistry discover() {
        List<ChannelPlugin> found = new ArrayList<>();
        try {
            ServiceLoader.load(ChannelPlugin.class).forEach(found::add);
        } catch (ServiceConfigurationError e) {
            throw new ChannelRegistryException("a channel plugin could not be loaded: " + e.getMessage(), e);
        }
        return of(found);
    }

    public static ChannelRegistry of(Collection<? extends ChannelPlugin> plugins) {
        Map<String, ChannelPlugin> byId = new TreeMap<>();
        for (ChannelPlugin plugin : plugins) {
            String id = plugin.descriptor().id();
            ChannelPlugin earlier = byId.putIfAbsent(id, plugin);
            if (earlier != null) {
                throw new ChannelRegistryException("two channel plugins claim the id '" + id + "': "
                        + earlier.getClass().getName() + " and " + plugin.getClass().getName());
            }
        }
        return new ChannelRegistry(byId);
    }

    /** Every plugin, by id. */
    public List<ChannelPlugin> plugins() {
        return plugins.values().stream().sorted(Comparator.comparing(p -> p.descriptor().id())).toList();
    }

    /**
     * The plugin with this id.
     *
     * @throws ChannelRegistryException naming the ids that exist
     */
    public ChannelPlugin require(String id) {
        ChannelPlugin plugin = plugins.get(id);
        if (plugin == null) {
            throw new ChannelRegistryException("no channel plugin has the id '" + id + "'; known ids: "
                    + (plugins.isEmpty() ? "none (is a channel jar missing from the class path?)"
                    : String.join(", ", plugins.keySet())));
        }
        return plugin;
    }
}
