package org.redress.app.cli;

import java.time.Clock;
import java.util.Map;
import org.redress.app.channels.ChannelRegistry;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelContext;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.ChannelPlugin;
import org.redress.core.channel.ChannelSettings;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.Inbound;

/** What the diagnostics commands share: open a channel through the SPI and show everything it reads. */
final class ChannelDiagnostics {

    /** Receives each item read. */
    interface Visitor {
        void visit(Inbound item) throws Exception;
    }

    private ChannelDiagnostics() {
    }

    /**
     * Reads every item of a channel instance from the start, without committing anything.
     *
     * @throws IllegalArgumentException with the channel's own message when the settings or the source are wrong
     */
    static void readAll(String pluginId, Map<String, String> settings, String name, Visitor visitor) throws Exception {
        ChannelPlugin plugin = ChannelRegistry.discover().require(pluginId);
        try (Channel channel = plugin.open(ChannelSettings.validate(plugin.descriptor(), settings),
                new ChannelContext(name, Clock.systemUTC()))) {
            Checkpoint at = Checkpoint.START;
            while (true) {
                Batch batch = channel.read(at, 500);
                for (Inbound item : batch.items()) {
                    visitor.visit(item);
                }
                if (!batch.more() || batch.next().equals(at)) {
                    return;
                }
                at = batch.next();
            }
        } catch (ChannelException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
