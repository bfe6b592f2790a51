package org.redress.app.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.redress.app.store.Complaints;
import org.redress.app.store.ConcurrentChangeException;
import org.redress.app.store.Database;
import org.redress.app.store.Outbound;
import org.redress.core.channel.ReplyingChannel;
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
 * acknowledgement clock, in the same transaction that records the delivery. A delivered message a person wrote
 * (a reply, an incident notice, an abuse step) meets the response clocks then, not when it was written.
 */
public final class Outbox {

    /**
     * The most automatic messages one address gets per {@link #AUTOMATIC_WINDOW}, counted from what the desk stored as
     * sent, so a restart does not start the count again (the email channel keeps its own count in memory too).
     */
    static final int AUTOMATIC_LIMIT = 3;
    static final java.time.Duration AUTOMATIC_WINDOW = java.time.Duration.ofHours(1);

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

    /** What one round of sending did, and why the last message it could not send failed (null when none). */
    public record Sent(int delivered, int failed, int retryLater, String lastFailure) {
    }

    public Sent deliverPending(String instance, ReplyingChannel channel, int max) {
        int delivered = 0;
        int failed = 0;
        int later = 0;
        String lastFailure = null;
        for (Outbound.Owed owed : outbound.pending(instance, max)) {
            if (owed.automatic() && outbound.automaticSentTo(owed.recipient().value(), clock.instant().minus(AUTOMATIC_WINDOW))
                    >= AUTOMATIC_LIMIT) {
                outbound.failed(owed, "no automatic message to " + owed.recipient().value() + ": already " + AUTOMATIC_LIMIT
                        + " in the last hour (a mail loop, or a customer writing many times)", false);
                failed++;
                continue;
            }
            OutboundReply reply = new OutboundReply(owed.replyId(), owed.recipient(), owed.subject(), owed.text(),
                    owed.inReplyTo() == null ? List.of() : List.of(owed.inReplyTo()), owed.inPublic() ? Visibility.PUBLIC : Visibility.PRIVATE,
                    owed.automatic());
            // marked before the channel speaks to its server: after a crash this attempt is known to have begun
            outbound.attempting(owed);
            DeliveryResult result = channel.deliver(reply);
            if (result instanceof DeliveryResult.Delivered d) {
                delivered(instance, owed, d.externalId());
                delivered++;
            } else {
                DeliveryResult.Failed f = (DeliveryResult.Failed) result;
                outbound.failed(owed, f.reason(), f.retryable());
                lastFailure = f.reason();
                if (f.retryable()) {
                    later++;
                } else {
                    failed++;
                }
            }
        }
        return new Sent(delivered, failed, later, lastFailure);
    }

    private void delivered(String instance, Outbound.Owed owed, String externalId) {
        boolean acknowledgement = owed.automatic() && owed.replyId().equals(ACKNOWLEDGEMENT + owed.complaint());
        Instant at = clock.instant();
        for (int attempt = 1; ; attempt++) {
            try {
                database.useTransaction(tx -> {
                    outbound.sent(tx, owed, externalId);
                    if (acknowledgement) {
                        complaints.changeNow(tx, owed.complaint(), c -> {
                            if (c.status() == Status.RECEIVED) {
                                c.transition(Status.ACKNOWLEDGED, Actor.DESK, "acknowledged automatically", at);
                            }
                        });
                    } else if (!owed.automatic()) {
                        complaints.answered(tx, owed.complaint(), instance, at);
                    }
                });
                return;
            } catch (ConcurrentChangeException e) {
                // an agent changed the complaint at this moment; the clocks are met as of the delivery, so try again
                if (attempt == 3) {
                    database.useTransaction(tx -> outbound.sent(tx, owed, externalId));
                    return;
                }
            }
        }
    }
}
