package org.redress.app.store;

import static org.redress.app.store.Complaints.at;
import static org.redress.app.store.Complaints.cut;
import static org.redress.app.store.Complaints.instant;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.redress.core.complaint.Category;
import org.redress.core.complaint.Complaint;
import org.redress.core.incident.BurstDetector;
import org.redress.core.incident.Incident;
import org.redress.core.staff.Actor;

/**
 * The desk's incidents (tables {@code incident} and {@code incident_link}): proposed by the burst job, declared by
 * a supervisor, linked to complaints and resolved. Each write names the version it was made against.
 */
public final class IncidentBook {

    /** A stored incident: whether it is still only the desk's proposal, and its version. */
    public record Stored(Incident incident, boolean proposed, String terms, long version) {
    }

    /** A complaint as the burst detector sees it: what it is about, when it came, whether an incident has it already. */
    public record Arrived(long number, String category, String subject, String text, Instant at, boolean linked) {
    }

    private final Database database;

    public IncidentBook(Database database) {
        this.database = database;
    }

    /** The newest incidents, in two queries whatever their number. */
    public List<Stored> newest(int limit) {
        return database.jdbi().withHandle(h -> {
            Map<Long, Set<Complaint.Number>> links = new HashMap<>();
            h.createQuery("select l.incident_id, l.complaint_number from incident_link l where l.incident_id in "
                            + "(select id from incident order by id desc limit :limit) order by l.complaint_number")
                    .bind("limit", limit)
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .forEach(r -> links.computeIfAbsent(r[0], k -> new LinkedHashSet<>()).add(new Complaint.Number(r[1])));
            return h.createQuery("select * from incident order by id desc limit :limit").bind("limit", limit)
                    .map((rs, ctx) -> stored(rs, links.getOrDefault(rs.getLong("id"), Set.of()))).list();
        });
    }

    /** @throws NotFoundException when there is no such incident */
    public Stored require(long id) {
        return database.jdbi().withHandle(h -> load(h, id));
    }

    /** As {@link #require(long)}, in the caller's transaction. */
    public Stored require(Tx tx, long id) {
        return load(tx.handle, id);
    }

    /** The incident a complaint was linked to last, if any. */
    public Optional<Long> latestOf(long complaint) {
        return database.jdbi().withHandle(h -> h.createQuery("select incident_id from incident_link "
                + "where complaint_number = :n order by incident_id desc limit 1").bind("n", complaint).mapTo(Long.class).findOne());
    }

    /** Declares the desk's proposal as it is now. @throws ConcurrentChangeException when it changed since it was read */
    public void declareProposed(Tx tx, Stored proposal, String title, String area, Instant eta, Actor by, Instant now) {
        long id = proposal.incident().id().value();
        int n = tx.handle.createUpdate("update incident set title = :title, area = :area, eta = :eta, declared_by = :by, declared_at = :now, "
                        + "proposed = false, version = version + 1 where id = :id and version = :version")
                .bind("title", cut(title, 500)).bind("area", area == null ? proposal.incident().area() : area).bind("eta", at(eta))
                .bind("by", cut(Complaints.actor(by), 200)).bind("now", at(now)).bind("id", id).bind("version", proposal.version()).execute();
        if (n == 0) {
            throw new ConcurrentChangeException("incident " + id, proposal.version(), proposal.version() + 1, "");
        }
    }

    /** Stores an incident declared anew; returns its id. */
    public long declare(Tx tx, String title, Category category, String area, Instant eta, Actor by, Instant now) {
        long id = tx.handle.createQuery("select nextval('incident_id_seq')").mapTo(Long.class).one();
        tx.handle.createUpdate("insert into incident (id, title, category, area, eta, declared_at, declared_by, state, proposed, terms, version) "
                        + "values (:id, :title, :category, :area, :eta, :now, :by, 'OPEN', false, '', 0)")
                .bind("id", id).bind("title", cut(title, 500)).bind("category", category.code()).bind("area", area == null ? "" : area)
                .bind("eta", at(eta)).bind("now", at(now)).bind("by", cut(Complaints.actor(by), 200)).execute();
        return id;
    }

    /** Stores the burst detector's proposal with its complaints linked; returns its id. */
    public long propose(Tx tx, BurstDetector.Proposal p, Instant now) {
        long id = tx.handle.createQuery("select nextval('incident_id_seq')").mapTo(Long.class).one();
        String terms = String.join(", ", p.sharedTerms());
        tx.handle.createUpdate("insert into incident (id, title, category, area, eta, declared_at, declared_by, state, proposed, terms, version) "
                        + "values (:id, :title, :category, :area, null, :now, 'desk', 'OPEN', true, :terms, 0)")
                .bind("id", id).bind("title", cut(p.complaints().size() + " similar " + p.category().code()
                        + " complaints" + (terms.isEmpty() ? "" : ": " + terms), 500))
                .bind("category", p.category().code()).bind("area", p.area() == null ? "" : p.area()).bind("now", at(now))
                .bind("terms", cut(terms, 1000)).execute();
        for (Complaint.Number n : p.complaints()) {
            link(tx, id, n.value(), now);
        }
        return id;
    }

    /** Links a complaint; linking it twice keeps the first. */
    public void link(Tx tx, long incident, long complaint, Instant now) {
        tx.handle.createUpdate("insert into incident_link (incident_id, complaint_number, linked_at) values (:id, :n, :now) on conflict do nothing")
                .bind("id", incident).bind("n", complaint).bind("now", at(now)).execute();
    }

    /** Marks an incident resolved with the message its customers got. */
    public void resolved(Tx tx, long id, long expectedVersion, String resolution, Instant now) {
        int n = tx.handle.createUpdate("update incident set state = 'RESOLVED', resolved_at = :now, resolution = :text, version = version + 1 "
                        + "where id = :id and version = :version")
                .bind("now", at(now)).bind("text", cut(resolution, 4000)).bind("id", id).bind("version", expectedVersion).execute();
        if (n == 0) {
            throw new ConcurrentChangeException("incident " + id, expectedVersion, expectedVersion + 1, "");
        }
    }

    /** The complaints received since an instant, in order, as the burst detector reads them. */
    public List<Arrived> arrivedSince(Tx tx, Instant since) {
        return tx.handle.createQuery("select c.number, c.category, c.subject, c.received_at, "
                        + "(select e.text from complaint_entry e where e.complaint_number = c.number order by e.id limit 1) as text, "
                        + "exists (select 1 from incident_link l where l.complaint_number = c.number) as linked "
                        + "from complaint c where c.received_at >= :since order by c.received_at, c.number")
                .bind("since", at(since))
                .map((rs, ctx) -> new Arrived(rs.getLong("number"), rs.getString("category"), rs.getString("subject"), rs.getString("text"),
                        instant(rs, "received_at"), rs.getBoolean("linked")))
                .list();
    }

    private static Stored load(Handle h, long id) {
        Set<Complaint.Number> linked = new LinkedHashSet<>();
        h.createQuery("select complaint_number from incident_link where incident_id = :id order by complaint_number").bind("id", id)
                .mapTo(Long.class).forEach(n -> linked.add(new Complaint.Number(n)));
        return h.createQuery("select * from incident where id = :id").bind("id", id).map((rs, ctx) -> stored(rs, linked))
                .findOne().orElseThrow(() -> new NotFoundException("there is no incident " + id));
    }

    private static Stored stored(java.sql.ResultSet rs, Set<Complaint.Number> linked) throws java.sql.SQLException {
        Instant eta = instant(rs, "eta");
        Instant declaredAt = instant(rs, "declared_at");
        Incident i = Incident.restore(new Incident.Id(rs.getLong("id")), rs.getString("title"), new Category(rs.getString("category")),
                rs.getString("area"), eta == null ? declaredAt : eta, Complaints.actor(rs.getString("declared_by"), null), declaredAt,
                Incident.State.valueOf(rs.getString("state")), instant(rs, "resolved_at"), rs.getString("resolution"),
                new LinkedHashSet<>(linked));
        return new Stored(i, rs.getBoolean("proposed"), rs.getString("terms"), rs.getLong("version"));
    }
}
