package org.redress.app.store;

import static org.redress.app.store.Complaints.at;
import static org.redress.app.store.Complaints.cut;
import static org.redress.app.store.Complaints.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.redress.core.complaint.Complaint;
import org.redress.core.promise.Promise;

/** The promises agents made to customers, kept until each is kept or broken. */
public final class Promises {

    /** A stored promise with the version it was read at. */
    public record Stored(Promise promise, long version) {
    }

    private final Database database;

    public Promises(Database database) {
        this.database = database;
    }

    /** Records a promise; its id is the store's, the one given is ignored. */
    public Promise add(Complaint.Number complaint, String owner, String text, Instant madeAt, Instant due, Promise.Source source) {
        return database.jdbi().inTransaction(h -> add(h, complaint, owner, text, madeAt, due, source));
    }

    /** Records a promise in the caller's transaction (a reply and the promises in it are one change). */
    public Promise add(Tx tx, Complaint.Number complaint, String owner, String text, Instant madeAt, Instant due,
                       Promise.Source source) {
        return add(tx.handle, complaint, owner, text, madeAt, due, source);
    }

    private Promise add(Handle h, Complaint.Number complaint, String owner, String text, Instant madeAt, Instant due,
                        Promise.Source source) {
        long id = h.createUpdate("insert into promise (complaint_number, owner, text, made_at, due_at, source, state, "
                        + "due_soon_reported, version) values (:n, :owner, :text, :made, :due, :source, 'OPEN', false, 0)")
                .bind("n", complaint.value()).bind("owner", cut(owner, 200)).bind("text", cut(text, 2000))
                .bind("made", at(madeAt)).bind("due", at(due)).bind("source", source.name())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return new Promise(new Promise.Id(id), complaint, owner, text, madeAt, due, source);
    }

    public List<Stored> of(long complaint) {
        return database.jdbi().withHandle(h -> h.createQuery("select * from promise where complaint_number = :n order by id")
                .bind("n", complaint).map((rs, ctx) -> stored(rs)).list());
    }

    /** A customer's open callback promises (from missed calls), oldest first, in the caller's transaction. */
    public List<Stored> openCallbacks(Tx tx, long customer) {
        return tx.handle.createQuery("select p.* from promise p join complaint c on c.number = p.complaint_number where c.customer_id = :c "
                        + "and p.state = 'OPEN' and p.source = :source order by p.id")
                .bind("c", customer).bind("source", Promise.Source.MISSED_CALL.name()).map((rs, ctx) -> stored(rs)).list();
    }

    /** The promises made on the complaints received since an instant, in one query. */
    public List<Promise> onComplaintsReceivedSince(Instant since) {
        return database.jdbi().withHandle(h -> h.createQuery("select * from promise where complaint_number in "
                        + "(select number from complaint where received_at >= :since) order by id")
                .bind("since", at(since)).map((rs, ctx) -> stored(rs).promise()).list());
    }

    /**
     * Open promises that may owe a reminder or have broken by {@code now}: due within {@code window} and not yet
     * reminded, or past due.
     */
    public List<Stored> needingCheck(Instant now, java.time.Duration window, int limit) {
        return database.jdbi().withHandle(h -> h.createQuery("select * from promise where state = 'OPEN' and due_at <= :soon "
                        + "and (due_soon_reported = false or due_at < :now) order by due_at limit :limit")
                .bind("soon", at(now.plus(window))).bind("now", at(now)).bind("limit", limit)
                .map((rs, ctx) -> stored(rs)).list());
    }

    /**
     * Saves a promise's new state.
     *
     * @throws ConcurrentChangeException when it changed since it was read
     */
    public void save(Tx tx, Stored before, Promise after) {
        save(tx.handle, before, after);
    }

    private void save(Handle h, Stored before, Promise after) {
        int updated = h.createUpdate("update promise set state = :state, settled_at = :settled, due_soon_reported = :reported, "
                        + "version = version + 1 where id = :id and version = :version")
                .bind("state", after.state().name()).bind("settled", at(after.settledAt().orElse(null)))
                .bind("reported", after.dueSoonReported()).bind("id", after.id().value()).bind("version", before.version())
                .execute();
        if (updated == 0) {
            throw new ConcurrentChangeException("promise " + after.id().value(), before.version(), before.version() + 1, "");
        }
    }

    /**
     * The owner says the promise is kept: kept when on time, broken when late (the customer waited either way).
     *
     * @throws IllegalStateException when it is no longer open
     */
    public Promise.State keep(long id, Instant at) {
        return database.jdbi().inTransaction(h -> {
            Stored s = h.createQuery("select * from promise where id = :id").bind("id", id).map((rs, ctx) -> stored(rs)).findOne()
                    .orElseThrow(() -> new NotFoundException("there is no promise " + id));
            Promise.State state = s.promise().keep(at);
            save(h, s, s.promise());
            return state;
        });
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        Promise p = Promise.restore(new Promise.Id(rs.getLong("id")), new Complaint.Number(rs.getLong("complaint_number")),
                rs.getString("owner"), rs.getString("text"), instant(rs, "made_at"), instant(rs, "due_at"),
                Promise.Source.valueOf(rs.getString("source")), Promise.State.valueOf(rs.getString("state")),
                instant(rs, "settled_at"), rs.getBoolean("due_soon_reported"));
        return new Stored(p, rs.getLong("version"));
    }
}
