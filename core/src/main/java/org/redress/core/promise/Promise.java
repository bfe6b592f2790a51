package org.redress.core.promise;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.redress.core.complaint.Complaint;

/**
 * Something an agent told a customer they would do by a time: call back, send a refund, give an update.
 * Open until kept or broken; keeping it after it fell due counts as broken.
 */
public final class Promise {

    /** A promise's number at the desk. */
    public record Id(long value) {
    }

    /** Where a promise stands. */
    public enum State { OPEN, KEPT, BROKEN }

    /** Where a promise was found. */
    public enum Source { REPLY, CALL_NOTE, MISSED_CALL, EXPLICIT }

    private final Id id;
    private final Complaint.Number complaint;
    private final String owner;
    private final String text;
    private final Instant madeAt;
    private final Instant due;
    private final Source source;
    private State state = State.OPEN;
    private Instant settledAt;
    private boolean dueSoonReported;

    public Promise(Id id, Complaint.Number complaint, String owner, String text, Instant madeAt, Instant due,
                   Source source) {
        this.id = Objects.requireNonNull(id, "id");
        this.complaint = Objects.requireNonNull(complaint, "complaint");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.text = Objects.requireNonNull(text, "text");
        this.madeAt = Objects.requireNonNull(madeAt, "madeAt");
        this.due = Objects.requireNonNull(due, "due");
        this.source = Objects.requireNonNull(source, "source");
        if (due.isBefore(madeAt)) {
            throw new IllegalArgumentException("promise due " + due + " before it was made at " + madeAt);
        }
    }

    /** Marks the promise done at {@code at}; done late, it is broken. */
    /** A stored promise, as it was saved. */
    public static Promise restore(Id id, Complaint.Number complaint, String owner, String text, Instant madeAt, Instant due,
                                  Source source, State state, Instant settledAt, boolean dueSoonReported) {
        Promise p = new Promise(id, complaint, owner, text, madeAt, due, source);
        p.state = Objects.requireNonNull(state, "state");
        p.settledAt = settledAt;
        p.dueSoonReported = dueSoonReported;
        return p;
    }

    /** Whether the due-soon reminder was given. */
    public boolean dueSoonReported() {
        return dueSoonReported;
    }

    public State keep(Instant at) {
        requireOpen();
        state = at.isAfter(due) ? State.BROKEN : State.KEPT;
        settledAt = at;
        return state;
    }

    /**
     * Breaks the promise before its time: the customer had to chase it (called again before the callback).
     */
    public void breakEarly(Instant at) {
        requireOpen();
        state = State.BROKEN;
        settledAt = at;
    }

    /**
     * What the passing of time means for this promise: due soon (reported once), or broken when its time
     * passed while open.
     */
    public Optional<PromiseEvent> check(Instant now, Duration dueSoonWindow) {
        if (state != State.OPEN) {
            return Optional.empty();
        }
        if (now.isAfter(due)) {
            state = State.BROKEN;
            settledAt = now;
            return Optional.of(new PromiseEvent.Broken(this));
        }
        if (!dueSoonReported && !now.isBefore(due.minus(dueSoonWindow))) {
            dueSoonReported = true;
            return Optional.of(new PromiseEvent.DueSoon(this));
        }
        return Optional.empty();
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("promise " + id.value() + " is already " + state);
        }
    }

    public Id id() {
        return id;
    }

    public Complaint.Number complaint() {
        return complaint;
    }

    public String owner() {
        return owner;
    }

    public String text() {
        return text;
    }

    public Instant madeAt() {
        return madeAt;
    }

    public Instant due() {
        return due;
    }

    public Source source() {
        return source;
    }

    public State state() {
        return state;
    }

    public Optional<Instant> settledAt() {
        return Optional.ofNullable(settledAt);
    }
}
