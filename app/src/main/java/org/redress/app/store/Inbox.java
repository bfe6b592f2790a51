package org.redress.app.store;

import static org.redress.app.store.Complaints.at;
import static org.redress.app.store.Complaints.cut;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.SenderIdentity;
import org.redress.core.complaint.Complaint;
import org.redress.core.intake.Threading;

/**
 * What intake stored of each channel instance: the instance's checkpoint ({@code channel_instance}), every message
 * taken in under (instance, external id) with what became of it ({@code inbound_message}), and the message ids that
 * thread a conversation to its complaint ({@code message_ref}, direction in).
 */
public final class Inbox {

    private final Database database;

    public Inbox(Database database) {
        this.database = database;
    }

    public Checkpoint checkpoint(String instance) {
        return database.jdbi().withHandle(h -> h.createQuery("select checkpoint from channel_instance where name = :name")
                .bind("name", instance).mapTo(String.class).findOne().map(Checkpoint::of).orElse(Checkpoint.START));
    }

    /** The complaint a stored message became or joined, if any. */
    public Optional<Long> complaintOf(String instance, String externalId) {
        return database.jdbi().withHandle(h -> h.createQuery("select complaint_number from inbound_message "
                + "where instance = :i and external_id = :id").bind("i", instance).bind("id", externalId).mapTo(Long.class).findOne());
    }

    /**
     * Which of these external ids the desk has stored before: one query per 500, not one per message. The ids are
     * matched as (instance, id) rows: H2 uses the primary key for a row-value IN, but for {@code instance = ? and
     * external_id in (...)} it reads every message of the instance, which grows with the desk.
     */
    public static List<String> alreadyStored(Tx tx, String instance, List<String> ids) {
        List<String> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> some = ids.subList(from, Math.min(ids.size(), from + 500));
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < some.size(); i++) {
                rows.append(i == 0 ? "" : ", ").append("(:instance, :id").append(i).append(')');
            }
            var query = tx.handle.createQuery("select external_id from inbound_message where (instance, external_id) in (" + rows + ")")
                    .bind("instance", instance);
            for (int i = 0; i < some.size(); i++) {
                query.bind("id" + i, some.get(i));
            }
            found.addAll(query.mapTo(String.class).list());
        }
        return found;
    }

    /** Moves the instance's checkpoint, in the batch's transaction; the first batch of an instance registers it. */
    public static void saveCheckpoint(Tx tx, String instance, String plugin, Checkpoint next, Instant now) {
        Handle h = tx.handle;
        int updated = h.createUpdate("update channel_instance set checkpoint = :cp, last_read_at = :now where name = :name")
                .bind("cp", next.value()).bind("now", at(now)).bind("name", instance).execute();
        if (updated == 0) {
            h.createUpdate("insert into channel_instance (name, plugin, checkpoint, last_read_at) values (:name, :plugin, :cp, :now)")
                    .bind("name", instance).bind("plugin", plugin).bind("cp", next.value()).bind("now", at(now)).execute();
        }
    }

    /** Records a message taken in and what became of it (a complaint, a follow-up, a system entry, parked). */
    public static void record(Tx tx, String instance, InboundMessage m, String disposition, Long complaint, String reason, Instant now) {
        tx.handle.createUpdate("insert into inbound_message (instance, external_id, disposition, complaint_number, reason, sender, subject, "
                        + "automated, received_at, raw_location, raw) values (:instance, :id, :disposition, :number, :reason, :sender, "
                        + ":subject, :automated, :now, :location, :raw)")
                .bind("instance", instance).bind("id", m.externalId()).bind("disposition", disposition).bind("number", complaint)
                .bind("reason", cut(reason, 2000)).bind("sender", cut(m.sender().value(), 500))
                .bind("subject", cut(m.subject(), 2000)).bind("automated", m.automated().map(a -> a.kind().name()).orElse(null))
                .bind("now", at(now)).bind("location", cut(m.raw().location(), 1000)).bind("raw", m.raw().bytes()).execute();
    }

    /** Remembers that a message id belongs to a complaint's conversation, so what answers it threads there. */
    public static void reference(Tx tx, String messageId, long complaint) {
        tx.handle.createUpdate("insert into message_ref (message_id, complaint_number, direction) values (:id, :n, 'in') "
                        + "on conflict do nothing")
                .bind("id", cut(messageId, 1000)).bind("n", complaint).execute();
    }

    /** Threading's view of what the desk has stored, read in the batch's own transaction. */
    public static Threading.Conversations conversations(Tx tx) {
        Handle h = tx.handle;
        return new Threading.Conversations() {
            @Override
            public Optional<Complaint.Number> complaintOf(String externalId) {
                return h.createQuery("select complaint_number from message_ref where message_id = :id").bind("id", externalId)
                        .mapTo(Long.class).findOne().map(Complaint.Number::new);
            }

            @Override
            public boolean exists(Complaint.Number number) {
                return h.createQuery("select count(*) from complaint where number = :n").bind("n", number.value())
                        .mapTo(Long.class).one() > 0;
            }

            @Override
            public boolean isParticipant(Complaint.Number number, SenderIdentity sender) {
                return h.createQuery("select count(*) from complaint c join customer_identity i on i.customer_id = c.customer_id "
                                + "where c.number = :n and i.kind = :kind and i.address = :value")
                        .bind("n", number.value()).bind("kind", sender.kind().name()).bind("value", sender.value())
                        .mapTo(Long.class).one() > 0;
            }
        };
    }
}
