package org.redress.core.channel;

/**
 * A kind of channel (email, social, phone log), found with {@link java.util.ServiceLoader}.
 *
 * <p>Lifecycle and threading: the desk creates exactly one instance per JVM through the public no-argument
 * constructor that {@code ServiceLoader} requires, and may call its methods from several threads at once.
 * A plugin therefore keeps no mutable state: everything that belongs to one configured source (one mailbox,
 * one account, one CDR file) lives in the {@link Channel} that {@link #open} returns.
 */
public interface ChannelPlugin {

    /**
     * What this plugin is and which settings it takes. Must return an equal value on every call; the
     * console and the configuration check render and validate settings from it.
     *
     * @return the plugin's descriptor
     */
    ChannelDescriptor descriptor();

    /**
     * Opens one channel instance on the given settings.
     *
     * @param settings settings already validated against {@link #descriptor()} (see
     *                 {@link ChannelSettings#validate(ChannelDescriptor, java.util.Map)})
     * @param context  what the desk lends the instance: its name and the clock
     * @return an open instance; the caller closes it
     * @throws ChannelException when the source cannot be reached or used (host unreachable, authentication
     *                          failed, folder missing); the message names the setting or source at fault
     */
    Channel open(ChannelSettings settings, ChannelContext context) throws ChannelException;
}
