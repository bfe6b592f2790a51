package org.redress.app.intake;

import java.util.List;
import org.redress.app.store.Outbound;
import org.redress.core.channel.Channel;
import org.redress.core.channel.DeliveryResult;
import org.redress.core.channel.OutboundReply;
import org.redress.core.channel.Visibility;

/**
 * Sends what the desk owes through a channel, after the transaction that decided it committed. Delivery is
 * idempotent on the reply id at the channel, and a sent message's id is recorded so that answers to it thread
 * back; a message whose delivery failed for good is marked with the reason, one that may succeed later stays
 * pending.
 */
public final class Outbox {

    private final Outbound outbound;

    public Outbox(Outbound outbound) {
        this.outbound = outbound;
    }

    /** What one round of sending did. */
    public record Sent(int delivered, int failed, int retryLater) {
    }

    public Sent deliverPending(String instance, Channel channel, int max) {
        int delivered = 0;
        int failed = 0;
        int later = 0;
        for (Outbound.Owed owed : outbound.pending(instance, max)) {
            OutboundReply reply = new OutboundReply(owed.replyId(), owed.recipient(), owed.subject(), owed.text(),
                    owed.inReplyTo() == null ? List.of() : List.of(owed.inReplyTo()), Visibility.PRIVATE, owed.automatic());
            DeliveryResult result = channel.deliver(reply);
            if (result instanceof DeliveryResult.Delivered d) {
                outbound.sent(owed, d.externalId());
                delivered++;
            } else {
                DeliveryResult.Failed f = (DeliveryResult.Failed) result;
                outbound.failed(owed, f.reason(), f.retryable());
                if (f.retryable()) {
                    later++;
                } else {
                    failed++;
                }
            }
        }
        return new Sent(delivered, failed, later);
    }
}
