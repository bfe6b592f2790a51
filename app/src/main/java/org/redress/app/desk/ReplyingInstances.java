package org.redress.app.desk;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.redress.app.channels.ChannelRegistry;
import org.redress.app.config.DeskConfig;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.ReplyingChannel;

/**
 * Which channel instances the desk can answer through, so that it never owes a message (an acknowledgement, an
 * answer) through one that only reads: such a message could never leave and would sit in the outbox as failed.
 * Before an instance is open its plugin's descriptor says ({@code canReply}); once open, the instance itself does,
 * by being a {@link ReplyingChannel} or not (a mailbox without an SMTP server only reads).
 */
public final class ReplyingInstances {

    private final Map<String, Boolean> replies = new ConcurrentHashMap<>();

    ReplyingInstances(DeskConfig config, ChannelRegistry registry) {
        for (DeskConfig.ChannelConfig c : config.channels()) {
            registry.plugins().stream().filter(p -> p.descriptor().id().equals(c.plugin())).findFirst()
                    .map(ChannelPlugin::descriptor).ifPresent(d -> replies.put(c.name(), d.canReply()));
        }
    }

    /** Records what an opened instance can do; it overrides what its plugin said. */
    public void opened(String instance, Channel channel) {
        replies.put(instance, channel instanceof ReplyingChannel);
    }

    /**
     * Whether the desk may owe messages through an instance. An instance the configuration does not name (an import,
     * a test's) is not refused here: what decides for it is the mode of its intake.
     */
    public boolean replies(String instance) {
        return replies.getOrDefault(instance, true);
    }
}
