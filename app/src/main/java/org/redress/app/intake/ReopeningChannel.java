package org.redress.app.intake;

import java.time.Duration;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.DeliveryResult;
import org.redress.core.channel.OutboundReply;

/**
 * A channel whose source could not be reached when the desk started: it is opened on the first read that finds the
 * source back, and until then every read fails with why, which the poller reports and waits out with growing
 * pauses. So a desk starts while its mail server is down, as a running desk rides out the same outage.
 */
public final class ReopeningChannel implements Channel {

    /** Opens the real channel; throws while the source is still away. */
    @FunctionalInterface
    public interface Opener {
        Channel open() throws ChannelException;
    }

    private final Opener opener;
    private volatile Channel open;
    private volatile String lastFailure;

    public ReopeningChannel(Opener opener, String firstFailure) {
        this.opener = opener;
        this.lastFailure = firstFailure;
    }

    private Channel channel() throws ChannelException {
        Channel c = open;
        if (c == null) {
            synchronized (this) {
                if (open == null) {
                    try {
                        open = opener.open();
                    } catch (ChannelException e) {
                        lastFailure = e.getMessage();
                        throw e;
                    }
                }
                c = open;
            }
        }
        return c;
    }

    @Override
    public Batch read(Checkpoint after, int max) throws ChannelException {
        return channel().read(after, max);
    }

    @Override
    public void commit(Checkpoint upTo) throws ChannelException {
        channel().commit(upTo);
    }

    @Override
    public boolean awaitNew(Duration max) throws ChannelException {
        Channel c = open;
        return c != null && c.awaitNew(max);
    }

    @Override
    public DeliveryResult deliver(OutboundReply reply) {
        Channel c = open;
        if (c == null) {
            try {
                c = channel();
            } catch (ChannelException e) {
                return new DeliveryResult.Failed("the channel's source is not reachable yet: " + e.getMessage(), true);
            }
        }
        return c.deliver(reply);
    }

    /** Whether the source has been reached since the desk started. */
    public boolean isOpen() {
        return open != null;
    }

    /** Why the source could not be opened the last time it was tried. */
    public String lastFailure() {
        return lastFailure;
    }

    @Override
    public void close() {
        Channel c = open;
        if (c != null) {
            c.close();
        }
    }
}
