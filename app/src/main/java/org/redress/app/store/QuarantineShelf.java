package org.redress.app.store;

import static org.redress.app.store.Complaints.at;
import static org.redress.app.store.Complaints.cut;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.redress.core.channel.Quarantined;

/** What the channels could not read (table {@code quarantine}), kept with its raw bytes for a retry. */
public final class QuarantineShelf {

    /** One quarantined item. */
    public record Item(long id, String channel, String externalId, String reason, String location, String mediaType,
                       OffsetDateTime receivedAt, String status) {
    }

    /** A held item's raw bytes, its channel instance and that instance's plugin (empty when the instance is gone). */
    public record Held(long id, String instance, Optional<String> plugin, byte[] raw, String status) {
    }

    private final Database database;

    public QuarantineShelf(Database database) {
        this.database = database;
    }

    /**
     * Keeps what a channel could not read, in the caller's transaction.
     *
     * @return false when the same item (instance and external id) was kept before
     */
    public static boolean hold(Tx tx, String instance, Quarantined q, Instant now) {
        return tx.handle.createUpdate("insert into quarantine (instance, external_id, reason, location, media_type, raw, received_at, status) "
                        + "values (:instance, :id, :reason, :location, :type, :raw, :now, 'open') on conflict do nothing")
                .bind("instance", instance).bind("id", q.externalId()).bind("reason", cut(q.reason(), 4000))
                .bind("location", cut(q.raw().location(), 1000)).bind("type", q.raw().mediaType()).bind("raw", q.raw().bytes())
                .bind("now", at(now)).execute() > 0;
    }

    public List<Item> open() {
        return database.jdbi().withHandle(h -> h.createQuery("select id, instance, external_id, reason, location, media_type, "
                        + "received_at, status from quarantine where status = 'open' order by id")
                .map((rs, ctx) -> new Item(rs.getLong("id"), rs.getString("instance"), rs.getString("external_id"), rs.getString("reason"),
                        rs.getString("location"), rs.getString("media_type"), rs.getObject("received_at", OffsetDateTime.class),
                        rs.getString("status"))).list());
    }

    /** @throws NotFoundException when there is no such record */
    public Held require(long id) {
        return database.jdbi().withHandle(h -> h.createQuery("select q.id, q.instance, q.raw, q.status, c.plugin "
                        + "from quarantine q left join channel_instance c on c.name = q.instance where q.id = :id")
                .bind("id", id).map((rs, ctx) -> new Held(rs.getLong("id"), rs.getString("instance"), Optional.ofNullable(rs.getString("plugin")),
                        rs.getBytes("raw"), rs.getString("status"))).findOne())
                .orElseThrow(() -> new NotFoundException("there is no quarantine record " + id));
    }

    /** @throws NotFoundException when there is no open record with this id */
    public void discard(long id) {
        int n = database.jdbi().withHandle(h -> h.createUpdate("update quarantine set status = 'discarded' where id = :id and status = 'open'")
                .bind("id", id).execute());
        if (n == 0) {
            throw new NotFoundException("there is no open quarantine record " + id);
        }
    }

    /** Still unreadable: the record stays open with the newest reason. */
    public void stillUnreadable(long id, String reason) {
        database.jdbi().useHandle(h -> h.createUpdate("update quarantine set reason = :reason where id = :id")
                .bind("reason", cut(reason, 4000)).bind("id", id).execute());
    }

    /** Read and stored at last. */
    public void retried(long id) {
        database.jdbi().useHandle(h -> h.createUpdate("update quarantine set status = 'retried' where id = :id").bind("id", id).execute());
    }
}
