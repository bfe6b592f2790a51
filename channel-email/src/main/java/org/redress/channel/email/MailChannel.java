package org.redress.channel.email;

import java.time.Duration;
import java.util.Optional;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.DeliveryResult;
import org.redress.core.channel.OutboundReply;

/** One configured mailbox: an {@link Inbox} to read from and, when SMTP is configured, an {@link SmtpOutbox}. */
final class MailChannel implements Channel {

    private final Inbox inbox;
    private final Optional<SmtpOutbox> outbox;

    /** The outbox, for tests that stop a delivery half-way. */
    Optional<SmtpOutbox> outbox() {
        return outbox;
    }

    MailChannel(Inbox inbox, Optional<SmtpOutbox> outbox) {
        this.inbox = inbox;
        this.outbox = outbox;
    }

    @Override
    public Batch read(Checkpoint after, int max) throws ChannelException {
        return inbox.read(after, max);
    }

    @Override
    public void commit(Checkpoint upTo) throws ChannelException {
        inbox.commit(upTo);
    }

    @Override
    public boolean awaitNew(Duration max) throws ChannelException {
        return inbox.awaitNew(max);
    }

    @Override
    public DeliveryResult deliver(OutboundReply reply) {
        return outbox.map(o -> o.deliver(reply)).orElseGet(() -> new DeliveryResult.Failed(
                "this mailbox has no SMTP server configured (settings smtp-host, from-address)", false));
    }

    @Override
    public void close() {
        inbox.close();
        outbox.ifPresent(SmtpOutbox::close);
    }
}
