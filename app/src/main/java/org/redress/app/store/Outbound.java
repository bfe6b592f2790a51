package org.redress.app.store;

import static org.redress.app.store.Complaints.at;
import static org.redress.app.store.Complaints.cut;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.redress.core.channel.SenderIdentity;

/**
 * What the desk owes its customers (table {@code outbound_message}) and the ids of what it sent, so answers thread
 * back ({@code message_ref}, direction out). A message is owed in the transaction that decided it and sent after
 * that committed; the reply id makes owing idempotent.
 */
public final class Outbound {

    /** One message waiting to go out through its channel instance. */
    public record Owed(String replyId, long complaint, SenderIdentity recipient, String subject, String text, String inReplyTo,
                       boolean automatic, boolean inPublic) {
    }

    /** What the desk sent, or tried to send, on a complaint: its delivery state and, when it failed, why; and whether in public. */
    public record Sent(String replyId, String subject, boolean automatic, String status, Instant createdAt, Instant sentAt, String error,
                       boolean inPublic, int attempts) {
    }

    private final Database database;
    private final Clock clock;

    public Outbound(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * The subject of an answer: "Re: " and the customer's subject, without their "Re:"/"Fwd:" and without any
     * [#N] tag (another desk's, or ours), then the complaint's own tag last, where the outbox looks for it.
     */
    public static String answering(String subject, String tag) {
        return "Re: " + subject.replaceAll("^(?i)(re|aw|fwd?):\\s*", "").replaceAll("\\s*\\[#\\d+]", "").strip() + " " + tag;
    }

    /**
     * Owes a message in the caller's transaction; owing the same reply id twice keeps the first.
     *
     * @param inPublic posted in public as an answer to {@code inReplyTo} (a customer's public post), not sent privately
     */
    public static void owe(Tx tx, String replyId, long complaint, String instance, SenderIdentity recipient, String subject,
                           String text, String inReplyTo, boolean automatic, boolean inPublic, Instant now) {
        tx.handle.createUpdate("insert into outbound_message (reply_id, complaint_number, instance, recipient_kind, recipient, subject, "
                        + "text, in_reply_to, automatic, status, created_at) values (:id, :n, :instance, :kind, :recipient, :subject, :text, "
                        + ":inReplyTo, :automatic, 'pending', :now) on conflict do nothing")
                .bind("id", replyId).bind("n", complaint).bind("instance", instance).bind("kind", recipient.kind().name())
                .bind("recipient", recipient.value()).bind("subject", cut(subject, 2000))
                .bind("text", text).bind("inReplyTo", inReplyTo).bind("automatic", automatic)
                .bind("now", at(now)).execute();
        if (inPublic) {
            tx.handle.createUpdate("insert into public_answer (reply_id) values (:id) on conflict do nothing").bind("id", replyId).execute();
        }
    }

    /** Every message owed on a complaint, oldest first, with its delivery state. */
    public List<Sent> of(long complaint) {
        return database.jdbi().withHandle(h -> h.createQuery("select o.reply_id, subject, automatic, status, created_at, sent_at, error, "
                        + "attempts, p.reply_id as public_answer from outbound_message o left join public_answer p on p.reply_id = o.reply_id "
                        + "where complaint_number = :n order by created_at, o.reply_id").bind("n", complaint)
                .map((rs, ctx) -> new Sent(rs.getString("reply_id"), rs.getString("subject"), rs.getBoolean("automatic"), rs.getString("status"),
                        Complaints.instant(rs, "created_at"), Complaints.instant(rs, "sent_at"), rs.getString("error"),
                        rs.getString("public_answer") != null, rs.getInt("attempts"))).list());
    }

    /** The oldest messages still owed through a channel instance. */
    public List<Owed> pending(String instance, int max) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "select o.reply_id, complaint_number, recipient_kind, recipient, subject, text, in_reply_to, automatic, "
                                + "p.reply_id as public_answer from outbound_message o left join public_answer p on p.reply_id = o.reply_id "
                                + "where instance = :instance and status = 'pending' order by created_at limit :max")
                .bind("instance", instance).bind("max", max)
                .map((rs, ctx) -> new Owed(rs.getString("reply_id"), rs.getLong("complaint_number"),
                        new SenderIdentity(SenderIdentity.Kind.valueOf(rs.getString("recipient_kind")), rs.getString("recipient"), ""),
                        rs.getString("subject"), rs.getString("text"), rs.getString("in_reply_to"), rs.getBoolean("automatic"),
                        rs.getString("public_answer") != null))
                .list());
    }

    /** How many automatic messages the desk sent to an address since an instant (kept across restarts, unlike a channel's count). */
    public int automaticSentTo(String recipient, Instant since) {
        return database.jdbi().withHandle(h -> h.createQuery("select count(*) from outbound_message where recipient = :r "
                        + "and automatic = true and status = 'sent' and sent_at >= :since")
                .bind("r", recipient).bind("since", at(since)).mapTo(Integer.class).one());
    }

    /**
     * The channel took the message: remembered with the id it gave, so an answer to it threads back; in the caller's
     * transaction, with what the delivery changes on the complaint.
     */
    /**
     * Marks a message as being sent, committed before the channel speaks to its server: a message found so after a
     * crash may have reached the customer (the email channel's Sent folder tells), one with no attempt did not.
     */
    public void attempting(Owed owed) {
        database.jdbi().useHandle(h -> h.createUpdate("update outbound_message set attempts = attempts + 1, attempted_at = :now "
                + "where reply_id = :id").bind("now", Complaints.at(clock.instant())).bind("id", owed.replyId()).execute());
    }

    public void sent(Tx tx, Owed owed, String externalId) {
        tx.handle.createUpdate("update outbound_message set status = 'sent', external_id = :ext, sent_at = :now, error = null "
                + "where reply_id = :id").bind("ext", externalId).bind("now", at(clock.instant())).bind("id", owed.replyId()).execute();
        tx.handle.createUpdate("insert into message_ref (message_id, complaint_number, direction) values (:id, :n, 'out') "
                + "on conflict do nothing").bind("id", externalId).bind("n", owed.complaint()).execute();
    }

    /** The channel refused the message: kept pending when it may go later, else marked failed; the reason either way. */
    public void failed(Owed owed, String reason, boolean retryable) {
        database.jdbi().useHandle(h -> h.createUpdate("update outbound_message set status = :status, error = :error where reply_id = :id")
                .bind("status", retryable ? "pending" : "failed").bind("error", cut(reason, 2000)).bind("id", owed.replyId()).execute());
    }
}
