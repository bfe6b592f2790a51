package org.redress.core.channel;

import java.time.Clock;
import java.util.Objects;

/**
 * What the desk lends a channel instance when it opens it.
 *
 * @param instanceName the name of the configured instance, for messages and logs (for example {@code support-mailbox})
 * @param clock        the desk's clock; channels read time from it, never from the system
 */
public record ChannelContext(String instanceName, Clock clock) {

    /**
     * Checks that both are given.
     *
     * @param instanceName the name of the configured instance, for messages and logs (for example {@code support-mailbox})
     * @param clock the desk's clock; channels read time from it, never from the system
     */
    public ChannelContext {
        Objects.requireNonNull(instanceName, "instanceName");
        Objects.requireNonNull(clock, "clock");
    }
}
