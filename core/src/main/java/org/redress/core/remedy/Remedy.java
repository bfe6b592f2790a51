package org.redress.core.remedy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.redress.core.complaint.AuditAction;
import org.redress.core.complaint.AuditRecord;
import org.redress.core.complaint.Category;
import org.redress.core.complaint.Complaint;
import org.redress.core.staff.Actor;

/**
 * Compensation offered on a complaint: what the customer says they lost, what the desk offers, and who
 * decided. Every step is audited.
 */
public final class Remedy {

    /** A remedy's number at the desk. */
    public record Id(long value) {
    }

    /** Where a remedy stands. */
    public enum State { AWAITING_APPROVAL, GRANTED, REJECTED }

    private final Id id;
    private final Complaint.Number complaint;
    private final Category category;
    private final RemedyKind kind;
    private final Money claimedLoss;
    private final Money offered;
    private final Actor proposedBy;
    private State state;
    private final List<AuditRecord> audit = new ArrayList<>();

    Remedy(Id id, Complaint.Number complaint, Category category, RemedyKind kind, Money claimedLoss, Money offered,
           Actor proposedBy, State state, String reason, Instant at) {
        this.id = Objects.requireNonNull(id, "id");
        this.complaint = Objects.requireNonNull(complaint, "complaint");
        this.category = Objects.requireNonNull(category, "category");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.claimedLoss = Objects.requireNonNull(claimedLoss, "claimedLoss");
        this.offered = Objects.requireNonNull(offered, "offered");
        this.proposedBy = Objects.requireNonNull(proposedBy, "proposedBy");
        this.state = state;
        audit.add(new AuditRecord(at, proposedBy, AuditAction.REMEDY_PROPOSED, "", state.name(),
                kind + " of " + offered + " against a claimed loss of " + claimedLoss + ": " + reason));
    }

    /**
     * A stored remedy, as it was saved; its audit trail is the complaint's, kept there by the store.
     */
    public static Remedy restore(Id id, Complaint.Number complaint, Category category, RemedyKind kind, Money claimedLoss,
                                 Money offered, Actor proposedBy, State state) {
        Remedy r = new Remedy(id, complaint, category, kind, claimedLoss, offered, proposedBy, state, "restored", Instant.EPOCH);
        r.audit.clear();
        return r;
    }

    /** The same remedy under the id a store gave it. */
    public Remedy withId(Id stored) {
        Remedy r = new Remedy(stored, complaint, category, kind, claimedLoss, offered, proposedBy, state, "", Instant.EPOCH);
        r.audit.clear();
        r.audit.addAll(audit);
        return r;
    }

    void decide(State to, Actor by, String reason, Instant at) {
        if (state != State.AWAITING_APPROVAL) {
            throw new IllegalStateException("remedy " + id.value() + " is " + state + ", not awaiting approval");
        }
        audit.add(new AuditRecord(at, by, AuditAction.REMEDY_DECIDED, state.name(), to.name(), reason));
        state = to;
    }

    /** Whether the offer exceeds what the customer says they lost: allowed, but a supervisor should see it. */
    public boolean exceedsClaim() {
        return offered.compareTo(claimedLoss) > 0;
    }

    public Id id() {
        return id;
    }

    public Complaint.Number complaint() {
        return complaint;
    }

    public Category category() {
        return category;
    }

    public RemedyKind kind() {
        return kind;
    }

    public Money claimedLoss() {
        return claimedLoss;
    }

    public Money offered() {
        return offered;
    }

    public Actor proposedBy() {
        return proposedBy;
    }

    public State state() {
        return state;
    }

    public List<AuditRecord> audit() {
        return List.copyOf(audit);
    }
}
