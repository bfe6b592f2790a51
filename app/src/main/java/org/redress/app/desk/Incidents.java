package org.redress.app.desk;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.redress.app.store.Complaints;
import org.redress.app.store.ConcurrentChangeException;
import org.redress.app.store.Database;
import org.redress.app.store.IncidentBook;
import org.redress.app.store.Tx;
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

    private final Database database;
    private final IncidentBook book;
    private final Complaints complaints;
    private final ZoneId zone;
    private final Clock clock;
    private final Doorbell doorbell;

    private final Answering answering;

    Incidents(Database database, IncidentBook book, Complaints complaints, ZoneId zone, Clock clock, Doorbell doorbell, Answering answering) {
        this.answering = answering;
        this.doorbell = doorbell;
        this.database = database;
        this.book = book;
        this.complaints = complaints;
        this.zone = zone;
        this.clock = clock;
    }

    /** The newest 200 incidents, proposals included. */
    public List<IncidentBook.Stored> list() {
        return book.newest(200);
    }

    public IncidentBook.Stored require(long id) {
        return book.require(id);
    }

    /** The incident a complaint belongs to now, if any. */
    public Optional<IncidentBook.Stored> of(long complaint) {
        return book.latestOf(complaint).map(book::require);
    }

    /**
     * Declares an incident, from the desk's proposal {@code proposal} (its complaints linked) or anew, and links
     * {@code more}; every linked complaint's customer is told the ETA. The category, when not given, is the
     * proposal's (or "other" for one declared anew).
     */
    public IncidentBook.Stored declare(Long proposal, String title, Optional<Category> category, String area, Instant eta, Actor by,
                                       List<Long> more) {
        Instant now = clock.instant();
        Set<String> owedThrough = new LinkedHashSet<>();
        return told(owedThrough, database.inTransaction(tx -> {
            long id;
            if (proposal != null) {
                IncidentBook.Stored p = book.require(tx, proposal);
                if (!p.proposed()) {
                    throw new IllegalStateException("incident " + proposal + " is already declared");
                }
                id = proposal;
                book.declareProposed(tx, p, title, area, eta, by, now);
            } else {
                Category c = category.orElse(new Category("other"));
                new Incident(new Incident.Id(0), title, c, area, eta, by, now); // the core's checks, before anything is written
                id = book.declare(tx, title, c, area, eta, by, now);
            }
            Incident incident = book.require(tx, id).incident();
            Set<Long> all = new LinkedHashSet<>();
            incident.linked().forEach(n -> all.add(n.value()));
            all.addAll(more);
            for (long number : all) {
                java.util.Optional.ofNullable(link(tx, incident, number, now)).ifPresent(owedThrough::add);
            }
            return book.require(tx, id);
        }));
    }

    /** Links one more complaint to an open incident and tells its customer the ETA. */
    public IncidentBook.Stored link(long id, long complaint) {
        Instant now = clock.instant();
        Set<String> owedThrough = new LinkedHashSet<>();
        return told(owedThrough, database.inTransaction(tx -> {
            IncidentBook.Stored s = book.require(tx, id);
            if (s.proposed()) {
                throw new IllegalStateException("incident " + id + " is only proposed: declare it first");
            }
            java.util.Optional.ofNullable(link(tx, s.incident(), complaint, now)).ifPresent(owedThrough::add);
            return book.require(tx, id);
        }));
    }

    /** Links a complaint and owes its customer the notice; returns the channel instance the notice goes through, or null. */
    private String link(Tx tx, Incident incident, long number, Instant now) {
        Incident.Notice[] notice = new Incident.Notice[1];
        Complaint c = complaints.changeNow(tx, number, x -> notice[0] = incident.link(x, zone, now));
        book.link(tx, incident.id().value(), number, now);
        return answering.owe(tx, c, "incident-" + incident.id().value() + "-linked-" + number, notice[0].text(), now).orElse(null);
    }

    /** Resolves an open incident: one message, as a reply on every linked complaint and owed to each customer. */
    public IncidentBook.Stored resolve(long id, long expectedVersion, String message, Actor by) {
        Instant now = clock.instant();
        Set<String> owedThrough = new LinkedHashSet<>();
        return told(owedThrough, database.inTransaction(tx -> {
            IncidentBook.Stored s = book.require(tx, id);
            if (s.version() != expectedVersion) {
                throw new ConcurrentChangeException("incident " + id, expectedVersion, s.version(), "");
            }
            Incident incident = s.incident();
            incident.resolve(message, by, now, n -> Optional.empty());
            book.resolved(tx, id, expectedVersion, incident.resolution().orElse(""), now);
            for (Complaint.Number n : incident.linked()) {
                Incident.Notice[] notice = new Incident.Notice[1];
                Complaint c = complaints.changeNow(tx, n.value(), x -> notice[0] = incident.tellResolved(x, by, now));
                answering.owe(tx, c, "incident-" + id + "-resolved-" + n.value(), notice[0].text(), now).ifPresent(owedThrough::add);
            }
            return book.require(tx, id);
        }));
    }

    /** The notices are owed and committed: the channels they go through send them now. */
    private IncidentBook.Stored told(Set<String> owedThrough, IncidentBook.Stored s) {
        owedThrough.forEach(doorbell::ring);
        return s;
    }
}
