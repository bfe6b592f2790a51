package org.redress.app.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.redress.app.store.Complaints;
import org.redress.app.store.ConcurrentChangeException;
import org.redress.app.store.Database;
import org.redress.app.store.Watchlist;
import org.redress.core.complaint.Entry;
import org.redress.core.escalation.Escalator;
import org.redress.core.sla.SlaEvent;

/**
 * SLA warnings and breaches: each clock that can owe one now is checked through core's {@code SlaClocks}; a
 * warning goes on the timeline for the owner, a breach too and escalates the complaint by the policy. A clock
 * warns once and breaches once, and the flags are saved with the complaint, so no node says it twice.
 */
public final class SlaJob implements Job {

    private static final int BATCH = 500;

    private final Database database;
    private final Watchlist watchlist;
    private final Complaints complaints;
    private final Escalator escalator;
    private final Duration every;

    public SlaJob(Database database, Watchlist watchlist, Complaints complaints, Escalator escalator, Duration every) {
        this.database = database;
        this.watchlist = watchlist;
        this.complaints = complaints;
        this.escalator = escalator;
        this.every = every;
    }

    @Override
    public String name() {
        return "sla";
    }

    @Override
    public Duration every() {
        return every;
    }

    @Override
    public int run(Instant now) {
        List<Long> due = watchlist.clocksDue(now, BATCH);
        int events = 0;
        for (long number : due) {
            try {
                events += database.inTransaction(h -> {
                    int[] n = {0};
                    complaints.changeWithClocks(h, number, (c, clocks) -> {
                        for (SlaEvent e : clocks.check(now)) {
                            n[0]++;
                            String metric = metricName(e);
                            if (e instanceof SlaEvent.Breach b) {
                                c.append(new Entry.SystemEvent(now, "sla-breach", "The " + metric + " deadline (" + b.deadline()
                                        + ") has passed."));
                                escalator.on(c, e);
                            } else if (e instanceof SlaEvent.Warning w) {
                                c.append(new Entry.SystemEvent(now, "sla-warning", "The " + metric + " deadline is close: "
                                        + w.deadline() + "."));
                            }
                        }
                    });
                    // a clock whose estimate was early owes nothing yet: look again in a minute, not on every run
                    Complaints.lookAtClocksAgain(h, number, now, now.plusSeconds(60));
                    return n[0];
                });
            } catch (ConcurrentChangeException e) {
                // an agent changed it at this moment: the next run checks it again
            }
        }
        return events;
    }

    private static String metricName(SlaEvent e) {
        var metric = e instanceof SlaEvent.Breach b ? b.metric() : ((SlaEvent.Warning) e).metric();
        return metric.name().toLowerCase().replace('_', ' ');
    }
}
