package org.redress.app.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.redress.app.store.Complaints;
import org.redress.app.store.ConcurrentChangeException;
import org.redress.app.store.Database;
import org.redress.app.store.Promises;
import org.redress.core.complaint.Entry;
import org.redress.core.escalation.Escalator;
import org.redress.core.promise.PromiseEvent;

/**
 * Promises due soon and broken: a promise about to fall due reminds its owner once on the complaint's timeline;
 * one whose time passed while open is broken, said on the timeline, and escalates the complaint by the policy.
 */
public final class PromiseJob implements Job {

    private final Database database;
    private final Promises promises;
    private final Complaints complaints;
    private final Escalator escalator;
    private final Duration dueSoon;
    private final Duration every;

    public PromiseJob(Database database, Promises promises, Complaints complaints, Escalator escalator, Duration dueSoon,
                      Duration every) {
        this.database = database;
        this.promises = promises;
        this.complaints = complaints;
        this.escalator = escalator;
        this.dueSoon = dueSoon;
        this.every = every;
    }

    @Override
    public String name() {
        return "promises";
    }

    @Override
    public Duration every() {
        return every;
    }

    @Override
    public int run(Instant now) {
        List<Promises.Stored> due = promises.needingCheck(now, dueSoon, 500);
        int events = 0;
        for (Promises.Stored stored : due) {
            try {
                events += database.inTransaction(h -> {
                    Optional<PromiseEvent> event = stored.promise().check(now, dueSoon);
                    if (event.isEmpty()) {
                        return 0;
                    }
                    promises.save(h, stored, stored.promise());
                    complaints.changeNow(h, stored.promise().complaint().value(), c -> {
                        String what = "\"" + stored.promise().text() + "\" (" + stored.promise().owner() + ", due "
                                + stored.promise().due() + ")";
                        if (event.get() instanceof PromiseEvent.Broken) {
                            c.append(new Entry.SystemEvent(now, "promise-broken", "Promise broken: " + what));
                            escalator.on(c, event.get());
                        } else {
                            c.append(new Entry.SystemEvent(now, "promise-due-soon", "Promise due soon: " + what));
                        }
                    });
                    return 1;
                });
            } catch (ConcurrentChangeException e) {
                // the promise or its complaint changed at this moment: the next run looks again
            }
        }
        return events;
    }
}
