package org.redress.app.intake;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.redress.app.store.Database;
import org.redress.core.channel.Channel;
import org.redress.core.channel.DeliveryResult;
import org.redress.core.channel.OutboundReply;
import org.redress.core.channel.SenderIdentity;
import org.redress.core.channel.Visibility;

/**
 * Sends what the desk owes through a channel, after the transaction that decided it committed. Delivery is
 * idempotent on the reply id at the channel, and a sent message's id is recorded so that answers to it thread
 * back; a message whose delivery failed for good is marked with the reason, one that may succeed later stays
 * pending.
 */
public final class Outbox {

    private final Database database;
    private final Clock clock;

    public Outbox(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** What one round of sending did. */
    public record Sent(int delivered, int failed, int retryLater) {
    }

    /**
     * Owes a message: written in the caller's transaction, sent by the channel instance's poller after it commits.
     * The reply id makes it idempotent: owing the same id twice keeps the first.
     */
    public static void owe(org.jdbi.v3.core.Handle h, String replyId, long complaint, String instance, SenderIdentity recipient,
                           String subject, String text, String inReplyTo, boolean automatic, java.time.Instant now) {
        h.createUpdate("insert into outbound_message (reply_id, complaint_number, instance, recipient_kind, recipient, subject, text, "
                        + "in_reply_to, automatic, status, created_at) values (:id, :n, :instance, :kind, :recipient, :subject, :text, "
                        + ":inReplyTo, :automatic, 'pending', :now) on conflict do nothing")
                .bind("id", replyId).bind("n", complaint).bind("instance", instance).bind("kind", recipient.kind().name())
                .bind("recipient", recipient.value()).bind("subject", subject.length() > 2000 ? subject.substring(0, 2000) : subject)
                .bind("text", text).bind("inReplyTo", inReplyTo).bind("automatic", automatic)
                .bind("now", now.atOffset(ZoneOffset.UTC)).execute();
    }

    public Sent deliverPending(String instance, Channel channel, int max) {
        List<Map<String, Object>> pending = database.jdbi().withHandle(h -> h.createQuery(
                        "select reply_id, complaint_number, recipient_kind, recipient, subject, text, in_reply_to, automatic "
                                + "from outbound_message where instance = :instance and status = 'pending' order by created_at limit :max")
                .bind("instance", instance).bind("max", max).mapToMap().list());
        int delivered = 0;
        int failed = 0;
        int later = 0;
        for (Map<String, Object> row : pending) {
            String replyId = (String) row.get("reply_id");
            String inReplyTo = (String) row.get("in_reply_to");
            OutboundReply reply = new OutboundReply(replyId,
                    new SenderIdentity(SenderIdentity.Kind.valueOf((String) row.get("recipient_kind")), (String) row.get("recipient"), ""),
                    (String) row.get("subject"), (String) row.get("text"), inReplyTo == null ? List.of() : List.of(inReplyTo),
                    Visibility.PRIVATE, Boolean.TRUE.equals(row.get("automatic")));
            DeliveryResult result = channel.deliver(reply);
            long number = ((Number) row.get("complaint_number")).longValue();
            if (result instanceof DeliveryResult.Delivered d) {
                database.jdbi().useTransaction(h -> {
                    h.createUpdate("update outbound_message set status = 'sent', external_id = :ext, sent_at = :now, error = null "
                            + "where reply_id = :id").bind("ext", d.externalId()).bind("now", clock.instant().atOffset(ZoneOffset.UTC))
                            .bind("id", replyId).execute();
                    h.createUpdate("insert into message_ref (message_id, complaint_number, direction) values (:id, :n, 'out') "
                            + "on conflict do nothing").bind("id", d.externalId()).bind("n", number).execute();
                });
                delivered++;
            } else {
                DeliveryResult.Failed f = (DeliveryResult.Failed) result;
                database.jdbi().useHandle(h -> h.createUpdate("update outbound_message set status = :status, error = :error "
                                + "where reply_id = :id").bind("status", f.retryable() ? "pending" : "failed")
                        .bind("error", f.reason().length() > 2000 ? f.reason().substring(0, 2000) : f.reason()).bind("id", replyId).execute());
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
