package org.redress.app.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.redress.app.store.Database;
import org.redress.app.store.IncidentBook;
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
    private final IncidentBook incidents;
    private final int k;
    private final Duration window;
    private final Duration every;

    public BurstJob(Database database, IncidentBook incidents, int k, Duration window, Duration every) {
        this.database = database;
        this.incidents = incidents;
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

    @Override
    public int run(Instant now) {
        return database.inTransaction(tx -> {
            List<IncidentBook.Arrived> recent = incidents.arrivedSince(tx, now.minus(window).minus(every));
            BurstDetector detector = new BurstDetector(k, window);
            int proposed = 0;
            for (IncidentBook.Arrived a : recent) {
                if (a.linked()) {
                    continue;
                }
                String text = a.subject() + "\n" + (a.text() == null ? "" : a.text());
                Optional<BurstDetector.Proposal> p = detector.observe(new BurstDetector.Arrival(new Complaint.Number(a.number()),
                        new Category(a.category()), "", text.length() > 2_000 ? text.substring(0, 2_000) : text, a.at()));
                if (p.isPresent()) {
                    incidents.propose(tx, p.get(), now);
                    proposed++;
                }
            }
            return proposed;
        });
    }
}
