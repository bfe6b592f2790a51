package org.redress.channel.email;

import java.time.Duration;
import java.util.Optional;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.DeliveryResult;
import org.redress.core.channel.OutboundReply;
import org.redress.core.channel.ReplyingChannel;

/**
 * One configured mailbox: an {@link Inbox} to read from. With an SMTP server configured it is a
 * {@link ReplyingChannel} ({@link Answering}); without one it only reads, and the desk owes nothing through it.
 */
class MailChannel implements Channel {

    private final Inbox inbox;

    /** A mailbox that only reads, or one that also answers through {@code outbox}. */
    static MailChannel of(Inbox inbox, Optional<SmtpOutbox> outbox) {
        return outbox.<MailChannel>map(o -> new Answering(inbox, o)).orElseGet(() -> new MailChannel(inbox));
    }

    private MailChannel(Inbox inbox) {
        this.inbox = inbox;
    }

    /** The outbox, for tests that stop a delivery half-way. */
    Optional<SmtpOutbox> outbox() {
        return Optional.empty();
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
    public void close() {
        inbox.close();
    }

    /** A mailbox with an SMTP server to answer through. */
    static final class Answering extends MailChannel implements ReplyingChannel {

        private final SmtpOutbox smtp;

        private Answering(Inbox inbox, SmtpOutbox smtp) {
            super(inbox);
            this.smtp = smtp;
        }

        @Override
        Optional<SmtpOutbox> outbox() {
            return Optional.of(smtp);
        }

        @Override
        public DeliveryResult deliver(OutboundReply reply) {
            return smtp.deliver(reply);
        }

        @Override
        public void close() {
            super.close();
            smtp.close();
        }
    }
}
