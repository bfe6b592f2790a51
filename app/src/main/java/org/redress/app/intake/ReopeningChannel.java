package org.redress.app.intake;

import java.time.Duration;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.DeliveryResult;
import org.redress.core.channel.OutboundReply;
import org.redress.core.channel.ReplyingChannel;

/**
 * A channel whose source could not be reached when the desk started: it is opened on the first read that finds the
 * source back, and until then every read fails with why, which the poller reports and waits out with growing
 * pauses. So a desk starts while its mail server is down, as a running desk rides out the same outage.
 */
public class ReopeningChannel implements Channel {

    /** Opens the real channel; throws while the source is still away. */
    @FunctionalInterface
    public interface Opener {
        Channel open() throws ChannelException;
    }

    private final Opener opener;
    private volatile Channel open;
    private volatile String lastFailure;

    /**
     * A channel opened later, which replies when its plugin can ({@link org.redress.core.channel.ChannelDescriptor#canReply()}):
     * the desk must know before the source is back whether to owe anything through it.
     */
    public static ReopeningChannel of(Opener opener, String firstFailure, boolean canReply) {
        return canReply ? new Replying(opener, firstFailure) : new ReopeningChannel(opener, firstFailure);
    }

    private ReopeningChannel(Opener opener, String firstFailure) {
        this.opener = opener;
        this.lastFailure = firstFailure;
    }

    Channel channel() throws ChannelException {
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

    /** A reopening channel whose plugin replies: sending opens the source too. */
    private static final class Replying extends ReopeningChannel implements ReplyingChannel {

        private Replying(Opener opener, String firstFailure) {
            super(opener, firstFailure);
        }

        @Override
        public DeliveryResult deliver(OutboundReply reply) {
            Channel c;
            try {
                c = super.channel();
            } catch (ChannelException e) {
                return new DeliveryResult.Failed("the channel's source is not reachable yet: " + e.getMessage(), true);
            }
            return c instanceof ReplyingChannel r ? r.deliver(reply)
                    : new DeliveryResult.Failed("this channel instance cannot send replies (its settings name no way to send)", false);
        }
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
