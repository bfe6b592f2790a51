package org.redress.app.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.redress.app.store.Complaints;
import org.redress.app.store.Database;
import org.redress.core.complaint.Category;
import org.redress.core.complaint.Complaint;
import org.redress.core.incident.BurstDetector;

/**
 * Outage floods: the complaints received within the detection window are replayed, in order, through core's
 * {@link BurstDetector}; each burst it finds becomes a proposed incident with its complaints linked, for a
 * supervisor to declare. A complaint already linked to an incident is never proposed again, so repeated runs
 * and runs on two nodes propose a flood once.
 */
public final class BurstJob implements Job {

    private final Database database;
    private final int k;
    private final Duration window;
    private final Duration every;

    public BurstJob(Database database, int k, Duration window, Duration every) {
        this.database = database;
        this.k = k;
        this.window = window;
        this.every = every;
    }

    @Override
    public String name() {
        return "bursts";
    }

    @Override
    public Duration every() {
        return every;
    }

    private record Arrived(long number, String category, String team, String subject, String text, Instant at,
                           boolean linked) {
    }

    @Override
    public int run(Instant now) {
        return database.jdbi().inTransaction(h -> {
            List<Arrived> recent = h.createQuery("select c.number, c.category, c.team, c.subject, c.received_at, "
                            + "(select e.text from complaint_entry e where e.complaint_number = c.number order by e.id limit 1) as text, "
                            + "exists (select 1 from incident_link l where l.complaint_number = c.number) as linked "
                            + "from complaint c where c.received_at >= :since order by c.received_at, c.number")
                    .bind("since", Complaints.at(now.minus(window).minus(every)))
                    .map((rs, ctx) -> new Arrived(rs.getLong("number"), rs.getString("category"), rs.getString("team"),
                            rs.getString("subject"), rs.getString("text"), Complaints.instant(rs, "received_at"),
                            rs.getBoolean("linked")))
                    .list();
            BurstDetector detector = new BurstDetector(k, window);
            int proposed = 0;
            for (Arrived a : recent) {
                if (a.linked()) {
                    continue;
                }
                String text = a.subject() + "\n" + (a.text() == null ? "" : a.text());
                Optional<BurstDetector.Proposal> p = detector.observe(new BurstDetector.Arrival(new Complaint.Number(a.number()),
                        new Category(a.category()), "", text.length() > 2_000 ? text.substring(0, 2_000) : text, a.at()));
                if (p.isPresent()) {
                    propose(h, p.get(), now);
                    proposed++;
                }
            }
            return proposed;
        });
    }

    private static void propose(org.jdbi.v3.core.Handle h, BurstDetector.Proposal p, Instant now) {
        long id = h.createQuery("select nextval('incident_id_seq')").mapTo(Long.class).one();
        String terms = String.join(", ", p.sharedTerms());
        h.createUpdate("insert into incident (id, title, category, area, eta, declared_at, declared_by, state, proposed, terms, version) "
                        + "values (:id, :title, :category, :area, null, :now, 'desk', 'OPEN', true, :terms, 0)")
                .bind("id", id).bind("title", Complaints.cut(p.complaints().size() + " similar " + p.category().code()
                        + " complaints" + (terms.isEmpty() ? "" : ": " + terms), 500))
                .bind("category", p.category().code()).bind("area", p.area() == null ? "" : p.area()).bind("now", Complaints.at(now))
                .bind("terms", Complaints.cut(terms, 1000)).execute();
        for (Complaint.Number n : p.complaints()) {
            h.createUpdate("insert into incident_link (incident_id, complaint_number, linked_at) values (:id, :n, :now)")
                    .bind("id", id).bind("n", n.value()).bind("now", Complaints.at(now)).execute();
        }
    }
}
