package org.redress.core.promise;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Checks open promises against the desk's clock and reports those due soon and those broken. */
public final class PromiseTracker {

    private final Clock clock;
    private final Duration dueSoonWindow;

    public PromiseTracker(Clock clock, Duration dueSoonWindow) {
        this.clock = clock;
        this.dueSoonWindow = dueSoonWindow;
    }

    public List<PromiseEvent> check(Collection<Promise> promises) {
        Instant now = clock.instant();
        List<PromiseEvent> events = new ArrayList<>();
        for (Promise p : promises) {
            p.check(now, dueSoonWindow).ifPresent(events::add);
        }
        return events;
    }
}
