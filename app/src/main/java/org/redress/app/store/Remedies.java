package org.redress.app.store;

import static org.redress.app.store.Complaints.at;
import static org.redress.app.store.Complaints.cut;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.redress.core.complaint.AuditRecord;
import org.redress.core.complaint.Category;
import org.redress.core.complaint.Complaint;
import org.redress.core.remedy.Money;
import org.redress.core.remedy.Remedy;
import org.redress.core.remedy.RemedyCatalogue;
import org.redress.core.remedy.RemedyKind;
import org.redress.core.staff.Actor;

/**
 * Compensation on complaints, proposed and decided by core's {@link RemedyCatalogue} (caps by role, approval
 * above them); every step is in the complaint's audit trail. Deciding a remedy that somebody else decided
 * meanwhile is a {@link ConcurrentChangeException}.
 */
public final class Remedies {

    /** A stored remedy with the version it was read at. */
    public record Stored(Remedy remedy, long version) {
    }

    private final Database database;
    private final Complaints complaints;
    private final RemedyCatalogue catalogue;
    private final Clock clock;

    public Remedies(Database database, Complaints complaints, RemedyCatalogue catalogue, Clock clock) {
        this.database = database;
        this.complaints = complaints;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /**
     * Proposes a remedy: granted at once when within the proposer's cap, otherwise awaiting approval.
     *
     * @throws IllegalArgumentException when the catalogue refuses it (kind, currency, no reason)
     */
    public Remedy propose(long complaint, RemedyKind kind, Money claimedLoss, Money offered, Actor by, String reason) {
        Instant now = clock.instant();
        Complaint c = complaints.require(complaint).complaint();
        return database.jdbi().inTransaction(h -> {
            // one proposal on a complaint at a time, so that two offers made at once cannot each fit under the cap
            h.createQuery("select number from complaint where number = :n for update").bind("n", complaint).mapTo(Long.class).one();
            String proposer = cut(Complaints.actor(by), 200);
            Money onComplaint = sum(h.createQuery("select coalesce(sum(offered_amount), 0) from remedy where complaint_number = :n "
                    + "and state = 'GRANTED'").bind("n", complaint).mapTo(java.math.BigDecimal.class).one());
            Money today = sum(h.createQuery("select coalesce(sum(offered_amount), 0) from remedy where proposed_by = :by "
                    + "and state = 'GRANTED' and decided_by is null and created_at >= :since").bind("by", proposer)
                    .bind("since", at(now.minus(java.time.Duration.ofHours(24)))).mapTo(java.math.BigDecimal.class).one());
            Remedy proposed = catalogue.propose(new Remedy.Id(0), c, kind, claimedLoss, offered, by, reason, now,
                    new RemedyCatalogue.Granted(onComplaint, today));
            long id = h.createUpdate("insert into remedy (complaint_number, category, kind, claimed_amount, offered_amount, currency, "
                            + "proposed_by, state, reason, created_at, version) values (:n, :category, :kind, :claimed, :offered, "
                            + ":currency, :by, :state, :reason, :now, 0)")
                    .bind("n", complaint).bind("category", proposed.category().code()).bind("kind", kind.name())
                    .bind("claimed", claimedLoss.amount()).bind("offered", offered.amount()).bind("currency", offered.currency())
                    .bind("by", proposer).bind("state", proposed.state().name()).bind("reason", cut(reason, 2000))
                    .bind("now", at(now)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            for (AuditRecord r : proposed.audit()) {
                ComplaintRows.audit(h, complaint, r);
            }
            return proposed.withId(new Remedy.Id(id));
        });
    }

    /**
     * Approves or rejects a remedy awaiting approval, as it was at {@code expectedVersion}.
     *
     * @throws IllegalArgumentException   when the approver may not (role or cap)
     * @throws IllegalStateException      when it is not awaiting approval
     * @throws ConcurrentChangeException  when somebody decided it since it was read
     */
    public Remedy decide(long id, long expectedVersion, boolean approve, Actor approver, String reason) {
        return database.jdbi().inTransaction(h -> {
            Stored s = find(h, id);
            if (s.version() != expectedVersion) {
                throw new ConcurrentChangeException("remedy " + id, expectedVersion, s.version(), "");
            }
            Remedy r = s.remedy();
            Instant now = clock.instant();
            if (approve) {
                h.createQuery("select number from complaint where number = :n for update").bind("n", r.complaint().value())
                        .mapTo(Long.class).one();
                Money granted = sum(h.createQuery("select coalesce(sum(offered_amount), 0) from remedy where complaint_number = :n "
                        + "and state = 'GRANTED'").bind("n", r.complaint().value()).mapTo(java.math.BigDecimal.class).one());
                catalogue.approve(r, approver, reason, now, granted);
            } else {
                catalogue.reject(r, approver, reason, now);
            }
            int updated = h.createUpdate("update remedy set state = :state, decided_by = :by, decided_at = :now, version = version + 1 "
                            + "where id = :id and version = :version")
                    .bind("state", r.state().name()).bind("by", cut(Complaints.actor(approver), 200)).bind("now", at(now)).bind("id", id)
                    .bind("version", expectedVersion).execute();
            if (updated == 0) {
                throw new ConcurrentChangeException("remedy " + id, expectedVersion, expectedVersion + 1, "");
            }
            for (AuditRecord a : r.audit()) {
                ComplaintRows.audit(h, r.complaint().value(), a);
            }
            return r;
        });
    }

    public Stored find(long id) {
        return database.jdbi().withHandle(h -> find(h, id));
    }

    /** The complaint's remedies, oldest first. */
    public List<Stored> of(long complaint) {
        return database.jdbi().withHandle(h -> h.createQuery("select * from remedy where complaint_number = :n order by id")
                .bind("n", complaint).map((rs, ctx) -> stored(rs)).list());
    }

    private Money sum(java.math.BigDecimal amount) {
        return new Money(amount, catalogue.currency());
    }

    public RemedyCatalogue catalogue() {
        return catalogue;
    }

    /** Remedies granted since an instant, in one query. */
    public List<Remedy> grantedSince(Instant since) {
        return database.jdbi().withHandle(h -> h.createQuery("select * from remedy where state = 'GRANTED' and created_at >= :since order by id")
                .bind("since", Complaints.at(since)).map((rs, ctx) -> stored(rs).remedy()).list());
    }

    /** Remedies waiting for a supervisor, oldest first. */
    /** Remedies waiting for a supervisor, oldest first, from the {@code offset}-th. */
    public List<Stored> awaitingApproval(int limit, long offset) {
        return database.jdbi().withHandle(h -> h.createQuery("select * from remedy where state = 'AWAITING_APPROVAL' order by id "
                        + "limit :limit offset :offset").bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> stored(rs)).list());
    }

    public long awaitingApprovalCount() {
        return database.jdbi().withHandle(h -> h.createQuery("select count(*) from remedy where state = 'AWAITING_APPROVAL'")
                .mapTo(Long.class).one());
    }

    public List<Stored> awaitingApproval() {
        return database.jdbi().withHandle(h -> h.createQuery("select * from remedy where state = 'AWAITING_APPROVAL' order by id")
                .map((rs, ctx) -> stored(rs)).list());
    }

    private static Stored find(Handle h, long id) {
        return h.createQuery("select * from remedy where id = :id").bind("id", id).map((rs, ctx) -> stored(rs)).findOne()
                .orElseThrow(() -> new NotFoundException("there is no remedy " + id));
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        Remedy r = Remedy.restore(new Remedy.Id(rs.getLong("id")), new Complaint.Number(rs.getLong("complaint_number")),
                new Category(rs.getString("category")), RemedyKind.valueOf(rs.getString("kind")),
                new Money(rs.getBigDecimal("claimed_amount"), currency), new Money(rs.getBigDecimal("offered_amount"), currency),
                Complaints.actor(rs.getString("proposed_by"), null), Remedy.State.valueOf(rs.getString("state")));
        return new Stored(r, rs.getLong("version"));
    }
}
