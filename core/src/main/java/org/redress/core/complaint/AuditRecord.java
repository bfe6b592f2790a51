package org.redress.core.complaint;

import java.time.Instant;
import java.util.Objects;
import org.redress.core.staff.Actor;

/**
 * One line of a complaint's append-only audit trail.
 *
 * @param at     when
 * @param actor  who
 * @param action what sort of change: {@code transition}, {@code assign}, {@code escalate}, …
 * @param before the value before, as text
 * @param after  the value after, as text
 * @param reason why, as the actor gave it
 */
public record AuditRecord(Instant at, Actor actor, String action, String before, String after, String reason) {
    public AuditRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        before = before == null ? "" : before;
        after = after == null ? "" : after;
        reason = reason == null ? "" : reason;
    }

    /** A record of one of the desk's own actions. */
    public AuditRecord(Instant at, Actor actor, AuditAction action, String before, String after, String reason) {
        this(at, actor, action.stored(), before, after, reason);
    }

    /** Whether this record is of that action. */
    public boolean is(AuditAction a) {
        return action.equals(a.stored());
    }
}
