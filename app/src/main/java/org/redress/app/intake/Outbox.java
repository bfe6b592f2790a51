package org.redress.app.intake;

import java.time.Clock;
import java.util.List;
import org.redress.app.store.Complaints;
import org.redress.app.store.ConcurrentChangeException;
import org.redress.app.store.Database;
import org.redress.app.store.Outbound;
import org.redress.core.channel.Channel;
import org.redress.core.channel.DeliveryResult;
import org.redress.core.channel.OutboundReply;
import org.redress.core.channel.Visibility;
import org.redress.core.complaint.Status;
import org.redress.core.staff.Actor;

/**
 * Sends what the desk owes through a channel, after the transaction that decided it committed. Delivery is
 * idempotent on the reply id at the channel, and a sent message's id is recorded so that answers to it thread
 * back; a message whose delivery failed for good is marked with the reason, one that may succeed later stays
 * pending. A delivered acknowledgement acknowledges the complaint: it moves to ACKNOWLEDGED, which meets its
 * acknowledgement clock, in the same transaction that records the delivery.
 */
public final class Outbox {

    /** The reply id of a complaint's automatic acknowledgement is this and its number. */
    public static final String ACKNOWLEDGEMENT = "ack-";

    private final Database database;
    private final Outbound outbound;
    private final Complaints complaints;
    private final Clock clock;

    public Outbox(Database database, Outbound outbound, Complaints complaints, Clock clock) {
        this.database = database;
        this.outbound = outbound;
        this.complaints = complaints;
        this.clock = clock;
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
                delivered(owed, d.externalId());
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

    private void delivered(Outbound.Owed owed, String externalId) {
        boolean acknowledgement = owed.automatic() && owed.replyId().equals(ACKNOWLEDGEMENT + owed.complaint());
        try {
            database.useTransaction(tx -> {
                outbound.sent(tx, owed, externalId);
                if (acknowledgement) {
                    complaints.changeNow(tx, owed.complaint(), c -> {
                        if (c.status() == Status.RECEIVED) {
                            c.transition(Status.ACKNOWLEDGED, Actor.DESK, "acknowledged automatically", clock.instant());
                        }
                    });
                }
            });
        } catch (ConcurrentChangeException e) {
            // an agent changed the complaint at this moment (and so acted on it): the delivery is recorded alone
            database.useTransaction(tx -> outbound.sent(tx, owed, externalId));
        }
    }
}
