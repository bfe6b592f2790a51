package org.redress.app.desk;

import static org.redress.app.store.Complaints.at;
import static org.redress.app.store.Complaints.cut;
import static org.redress.app.store.Complaints.instant;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.redress.app.store.Complaints;
import org.redress.app.store.ConcurrentChangeException;
import org.redress.app.store.Database;
import org.redress.app.store.NotFoundException;
import org.redress.core.complaint.Category;
import org.redress.core.complaint.Complaint;
import org.redress.core.incident.Incident;
import org.redress.core.staff.Actor;

/**
 * Incidents: proposed by the burst job, declared by a supervisor (from a proposal or anew), linked to complaints
 * (each customer told the ETA), and resolved with one message to every linked complaint's customer. The messages
 * are owed in the same transaction as the change, so none is lost or sent twice.
 */
public final class Incidents {

    /** A stored incident: whether it is still only the desk's proposal, and its version. */
    public record Stored(Incident incident, boolean proposed, String terms, long version) {
    }

    private final Database database;
    private final Complaints complaints;
    private final ZoneId zone;
    private final Clock clock;

    public Incidents(Database database, Complaints complaints, ZoneId zone, Clock clock) {
        this.database = database;
        this.complaints = complaints;
        this.zone = zone;
        this.clock = clock;
    }

    public List<Stored> list() {
        return database.jdbi().withHandle(h -> h.createQuery("select id from incident order by id desc limit 200").mapTo(Long.class)
                .list().stream().map(id -> load(h, id)).toList());
    }

    public Stored require(long id) {
        return database.jdbi().withHandle(h -> load(h, id));
    }

    /**
     * Declares an incident, from the desk's proposal {@code proposal} (its complaints linked) or anew, and links
     * {@code complaints}; every linked complaint's customer is told the ETA.
     */
    public Stored declare(Long proposal, String title, Category category, String area, Instant eta, Actor by, List<Long> more) {
        Instant now = clock.instant();
        return database.jdbi().inTransaction(h -> {
            long id;
            if (proposal != null) {
                Stored p = load(h, proposal);
                if (!p.proposed()) {
                    throw new IllegalStateException("incident " + proposal + " is already declared");
                }
                id = proposal;
                int n = h.createUpdate("update incident set title = :title, area = :area, eta = :eta, declared_by = :by, declared_at = :now, "
                                + "proposed = false, version = version + 1 where id = :id and version = :version")
                        .bind("title", cut(title, 500)).bind("area", area == null ? p.incident().area() : area).bind("eta", at(eta))
                        .bind("by", cut(Complaints.actor(by), 200)).bind("now", at(now)).bind("id", id).bind("version", p.version()).execute();
                if (n == 0) {
                    throw new ConcurrentChangeException("incident " + id, p.version(), p.version() + 1, "");
                }
            } else {
                new Incident(new Incident.Id(0), title, category, area, eta, by, now); // the core's checks, before anything is written
                id = h.createQuery("select nextval('incident_id_seq')").mapTo(Long.class).one();
                h.createUpdate("insert into incident (id, title, category, area, eta, declared_at, declared_by, state, proposed, terms, version) "
                                + "values (:id, :title, :category, :area, :eta, :now, :by, 'OPEN', false, '', 0)")
                        .bind("id", id).bind("title", cut(title, 500)).bind("category", category.code()).bind("area", area == null ? "" : area)
                        .bind("eta", at(eta)).bind("now", at(now)).bind("by", cut(Complaints.actor(by), 200)).execute();
            }
            Incident incident = load(h, id).incident();
            Set<Long> all = new LinkedHashSet<>();
            incident.linked().forEach(n -> all.add(n.value()));
            all.addAll(more);
            for (long number : all) {
                link(h, incident, number, now);
            }
            return load(h, id);
        });
    }

    /** Links one more complaint to an open incident and tells its customer the ETA. */
    public Stored link(long id, long complaint) {
        Instant now = clock.instant();
        return database.jdbi().inTransaction(h -> {
            Stored s = load(h, id);
            if (s.proposed()) {
                throw new IllegalStateException("incident " + id + " is only proposed: declare it first");
            }
            link(h, s.incident(), complaint, now);
            return load(h, id);
        });
    }

    private void link(Handle h, Incident incident, long number, Instant now) {
        Incident.Notice[] notice = new Incident.Notice[1];
        Complaint c = complaints.changeNow(h, number, x -> notice[0] = incident.link(x, zone, now));
        h.createUpdate("insert into incident_link (incident_id, complaint_number, linked_at) values (:id, :n, :now) on conflict do nothing")
                .bind("id", incident.id().value()).bind("n", number).bind("now", at(now)).execute();
        Replies.owe(h, c, "incident-" + incident.id().value() + "-linked-" + number, notice[0].text(), now);
    }

    /** Resolves an open incident: one message, as a reply on every linked complaint and owed to each customer. */
    public Stored resolve(long id, long expectedVersion, String message, Actor by) {
        Instant now = clock.instant();
        return database.jdbi().inTransaction(h -> {
            Stored s = load(h, id);
            if (s.version() != expectedVersion) {
                throw new ConcurrentChangeException("incident " + id, expectedVersion, s.version(), "");
            }
            Incident incident = s.incident();
            incident.resolve(message, by, now, n -> java.util.Optional.empty());
            h.createUpdate("update incident set state = 'RESOLVED', resolved_at = :now, resolution = :text, version = version + 1 "
                            + "where id = :id and version = :version")
                    .bind("now", at(now)).bind("text", cut(incident.resolution().orElse(""), 4000)).bind("id", id)
                    .bind("version", expectedVersion).execute();
            for (Complaint.Number n : incident.linked()) {
                Incident.Notice[] notice = new Incident.Notice[1];
                Complaint c = complaints.changeNow(h, n.value(), x -> notice[0] = incident.tellResolved(x, by, now));
                Replies.owe(h, c, "incident-" + id + "-resolved-" + n.value(), notice[0].text(), now);
            }
            return load(h, id);
        });
    }

    private Stored load(Handle h, long id) {
        Set<Complaint.Number> linked = new LinkedHashSet<>();
        h.createQuery("select complaint_number from incident_link where incident_id = :id order by complaint_number").bind("id", id)
                .mapTo(Long.class).forEach(n -> linked.add(new Complaint.Number(n)));
        return h.createQuery("select * from incident where id = :id").bind("id", id).map((rs, ctx) -> {
            Instant eta = instant(rs, "eta");
            Instant declaredAt = instant(rs, "declared_at");
            Incident i = Incident.restore(new Incident.Id(id), rs.getString("title"), new Category(rs.getString("category")),
                    rs.getString("area"), eta == null ? declaredAt : eta, Complaints.actor(rs.getString("declared_by"), null), declaredAt,
                    Incident.State.valueOf(rs.getString("state")), instant(rs, "resolved_at"), rs.getString("resolution"), linked);
            return new Stored(i, rs.getBoolean("proposed"), rs.getString("terms"), rs.getLong("version"));
        }).findOne().orElseThrow(() -> new NotFoundException("there is no incident " + id));
    }
}
