package org.redress.core.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.redress.core.complaint.Complaint;
import org.redress.core.time.BusinessCalendar;

/**
 * One running measure against a target, in working time. Time while paused (waiting on the customer) never
 * counts. A clock may carry a fixed deadline instead: the ETA the last reply gave for the next update.
 */
public final class SlaClock {

    /** Where a clock stands. */
    public enum State { RUNNING, WARNING, BREACHED, PAUSED, MET, MISSED }

    private final SlaMetric metric;
    private final Instant start;
    private final Duration target;
    private final Instant fixedDeadline;
    private Instant pausedSince;
    private Duration paused = Duration.ZERO;
    private Instant stoppedAt;
    private boolean warned;
    private boolean breached;
    /** Decided once when the clock stops, so reports over many stopped clocks need no calendar arithmetic. */
    private Boolean missed;

    SlaClock(SlaMetric metric, Instant start, Duration target, Instant fixedDeadline) {
        this.metric = Objects.requireNonNull(metric, "metric");
        this.start = Objects.requireNonNull(start, "start");
        this.target = Objects.requireNonNull(target, "target");
        this.fixedDeadline = fixedDeadline;
    }

    /** Everything a store keeps of a clock. */
    public record Stored(SlaMetric metric, Instant start, Duration target, Instant fixedDeadline, Instant pausedSince,
                         Duration paused, Instant stoppedAt, boolean warned, boolean breached, Boolean missed) {
    }

    public Stored stored() {
        return new Stored(metric, start, target, fixedDeadline, pausedSince, paused, stoppedAt, warned, breached, missed);
    }

    static SlaClock restore(Stored s) {
        SlaClock c = new SlaClock(s.metric(), s.start(), s.target(), s.fixedDeadline());
        c.pausedSince = s.pausedSince();
        c.paused = s.paused();
        c.stoppedAt = s.stoppedAt();
        c.warned = s.warned();
        c.breached = s.breached();
        c.missed = s.missed();
        return c;
    }

    void pause(Instant at) {
        if (pausedSince == null && stoppedAt == null) {
            pausedSince = at;
        }
    }

    void resume(Instant at, BusinessCalendar calendar) {
        if (pausedSince != null) {
            paused = paused.plus(calendar.between(pausedSince, at));
            pausedSince = null;
        }
    }

    void stop(Instant at, BusinessCalendar calendar) {
        if (stoppedAt == null) {
            resume(at, calendar);
            stoppedAt = at;
            missed = fixedDeadline != null ? at.isAfter(fixedDeadline) : elapsed(at, calendar).compareTo(target) > 0;
        }
    }

    /** Whether a stopped clock met its target; empty while it runs. */
    public Optional<Boolean> met() {
        return missed == null ? Optional.empty() : Optional.of(!missed);
    }

    /** Working time counted against the target up to {@code now}, pauses left out. */
    public Duration elapsed(Instant now, BusinessCalendar calendar) {
        Instant end = stoppedAt != null ? stoppedAt : now;
        Duration total = calendar.between(start, end).minus(paused);
        if (pausedSince != null) {
            total = total.minus(calendar.between(pausedSince, end));
        }
        return total.isNegative() ? Duration.ZERO : total;
    }

    /** When the clock breaches if nothing stops or pauses it. */
    public Instant deadline(BusinessCalendar calendar) {
        return fixedDeadline != null ? fixedDeadline : calendar.plus(start, target.plus(paused));
    }

    public State state(Instant now, BusinessCalendar calendar, double warnAt) {
        if (missed != null) {
            return missed ? State.MISSED : State.MET;
        }
        boolean late = fixedDeadline != null
                ? (stoppedAt != null ? stoppedAt : now).isAfter(fixedDeadline)
                : elapsed(now, calendar).compareTo(target) > 0;
        if (stoppedAt != null) {
            return late ? State.MISSED : State.MET;
        }
        if (late) {
            return State.BREACHED;
        }
        if (pausedSince != null) {
            return State.PAUSED;
        }
        Duration used = fixedDeadline != null ? calendar.between(start, now) : elapsed(now, calendar);
        Duration whole = fixedDeadline != null ? calendar.between(start, fixedDeadline) : target;
        return !whole.isZero() && used.toMillis() >= whole.toMillis() * warnAt ? State.WARNING : State.RUNNING;
    }

    /**
     * When this clock can next owe an event, so a store can look at it then and not before: its warning point until
     * it warned, then its deadline; a clock that stopped late still owes its breach; a paused clock owes nothing
     * until it resumes.
     */
    public Optional<Instant> nextCheck(BusinessCalendar calendar, double warnAt) {
        if (breached) {
            return Optional.empty();
        }
        if (stoppedAt != null) {
            return Boolean.TRUE.equals(missed) ? Optional.of(stoppedAt) : Optional.empty();
        }
        if (pausedSince != null) {
            return Optional.empty();
        }
        if (warned) {
            return Optional.of(deadline(calendar).plusSeconds(1));
        }
        Duration whole = fixedDeadline != null ? calendar.between(start, fixedDeadline) : target;
        Duration warnAfter = Duration.ofMillis((long) Math.ceil(whole.toMillis() * warnAt));
        return Optional.of(fixedDeadline != null ? calendar.plus(start, warnAfter) : calendar.plus(start, warnAfter.plus(paused)));
    }

    /** The event this clock owes at {@code now}, each at most once. */
    Optional<SlaEvent> check(Instant now, BusinessCalendar calendar, double warnAt, Complaint.Number subject) {
        State s = state(now, calendar, warnAt);
        if ((s == State.BREACHED || s == State.MISSED) && !breached) {
            breached = true;
            warned = true;
            return Optional.of(new SlaEvent.Breach(subject, metric, deadline(calendar)));
        }
        if (s == State.WARNING && !warned) {
            warned = true;
            return Optional.of(new SlaEvent.Warning(subject, metric, deadline(calendar)));
        }
        return Optional.empty();
    }

    public SlaMetric metric() {
        return metric;
    }

    public Instant start() {
        return start;
    }

    public Duration target() {
        return target;
    }

    public boolean isStopped() {
        return stoppedAt != null;
    }

    public boolean isPaused() {
        return pausedSince != null;
    }

    public Optional<Instant> stoppedAt() {
        return Optional.ofNullable(stoppedAt);
    }
}
