package org.redress.core.remedy;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.redress.core.complaint.Complaint;
import org.redress.core.staff.Actor;
import org.redress.core.staff.Role;

/**
 * What may be offered and by whom: the remedies the desk offers, and a cap per role. An offer within the
 * proposer's cap is granted at once; above it, it waits for a supervisor (or higher) whose cap covers it.
 * A role without a cap has no limit.
 */
public final class RemedyCatalogue {

    private final Set<RemedyKind> kinds;
    private final Map<Role, Money> caps;
    private final Map<Role, Money> dailyCaps;
    private final String currency;

    /**
     * What one person has already been granted, which a new remedy adds to: a cap is on the total, so it cannot be
     * split into several offers that each fit under it.
     *
     * @param onComplaint       everything granted on the complaint so far
     * @param byProposerToday   everything the proposer granted alone in the last 24 hours, on any complaint
     */
    public record Granted(Money onComplaint, Money byProposerToday) {
        public static Granted none(String currency) {
            return new Granted(Money.zero(currency), Money.zero(currency));
        }
    }

    public RemedyCatalogue(Set<RemedyKind> kinds, Map<Role, Money> caps, String currency) {
        this(kinds, caps, Map.of(), currency);
    }

    /** @param dailyCaps the most a person of a role may grant alone in 24 hours, across complaints (none: no limit) */
    public RemedyCatalogue(Set<RemedyKind> kinds, Map<Role, Money> caps, Map<Role, Money> dailyCaps, String currency) {
        this.dailyCaps = dailyCaps.isEmpty() ? Map.of() : new EnumMap<>(dailyCaps);
        dailyCaps.values().forEach(m -> {
            if (!m.currency().equals(currency)) {
                throw new IllegalArgumentException("daily cap " + m + " is not in the catalogue's currency " + currency);
            }
        });
        this.kinds = Set.copyOf(kinds);
        this.caps = caps.isEmpty() ? Map.of() : new EnumMap<>(caps);
        this.currency = currency;
        caps.values().forEach(m -> {
            if (!m.currency().equals(currency)) {
                throw new IllegalArgumentException("cap " + m + " is not in the catalogue's currency " + currency);
            }
        });
    }

    /** Every remedy; agents up to 50, seniors 200, supervisors 1000, executives without limit. */
    public static RemedyCatalogue standard(String currency) {
        Map<Role, Money> caps = new EnumMap<>(Role.class);
        caps.put(Role.AGENT, Money.of("50", currency));
        caps.put(Role.SENIOR, Money.of("200", currency));
        caps.put(Role.SUPERVISOR, Money.of("1000", currency));
        return new RemedyCatalogue(Set.of(RemedyKind.values()), caps, currency);
    }

    /** The currency every remedy and cap of this catalogue is in. */
    public String currency() {
        return currency;
    }

    /** The most a person of this role may grant alone in 24 hours, across complaints; empty means no limit. */
    public Optional<Money> dailyCap(Role role) {
        return Optional.ofNullable(dailyCaps.get(role));
    }

    /** The most this role may grant alone; empty means no limit. Admins and the desk itself may grant nothing. */
    public Optional<Money> cap(Role role) {
        if (role == Role.ADMIN || role == Role.SYSTEM) {
            return Optional.of(Money.zero(currency));
        }
        return Optional.ofNullable(caps.get(role));
    }

    public Remedy propose(Remedy.Id id, Complaint complaint, RemedyKind kind, Money claimedLoss, Money offered,
                          Actor by, String reason, Instant at) {
        return propose(id, complaint, kind, claimedLoss, offered, by, reason, at, Granted.none(currency));
    }

    /**
     * Proposes a remedy on top of what was already granted: it is granted at once only when the complaint's total and
     * the proposer's total for the day both stay within the proposer's caps; otherwise it waits for approval.
     */
    public Remedy propose(Remedy.Id id, Complaint complaint, RemedyKind kind, Money claimedLoss, Money offered,
                          Actor by, String reason, Instant at, Granted granted) {
        if (!kinds.contains(kind)) {
            throw new IllegalArgumentException(kind + " is not in this desk's remedy catalogue; offered are " + kinds);
        }
        if (!offered.currency().equals(currency) || !claimedLoss.currency().equals(currency)) {
            throw new IllegalArgumentException("remedies are in " + currency + ", got " + offered + " / " + claimedLoss);
        }
        if (kind == RemedyKind.APOLOGY_ONLY && offered.amount().signum() != 0) {
            throw new IllegalArgumentException("an apology-only remedy offers no money, got " + offered);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a remedy needs a reason for the audit trail");
        }
        boolean withinCap = within(by.role(), offered.plus(granted.onComplaint()))
                && Optional.ofNullable(dailyCaps.get(by.role())).map(d -> offered.plus(granted.byProposerToday()).compareTo(d) <= 0)
                .orElse(true);
        Remedy r = new Remedy(id, complaint.number(), complaint.category(), kind, claimedLoss, offered, by,
                withinCap ? Remedy.State.GRANTED : Remedy.State.AWAITING_APPROVAL, reason, at);
        return r;
    }

    /**
     * Approves a remedy above its proposer's cap.
     *
     * @throws IllegalArgumentException when the approver is below supervisor or their own cap is too low
     */
    public void approve(Remedy remedy, Actor approver, String reason, Instant at) {
        approve(remedy, approver, reason, at, Money.zero(currency));
    }

    /** Approves a remedy; the approver's cap covers it together with what the complaint was granted before. */
    public void approve(Remedy remedy, Actor approver, String reason, Instant at, Money grantedOnComplaint) {
        if (!approver.role().atLeast(Role.SUPERVISOR)) {
            throw new IllegalArgumentException(approver + " cannot approve remedies: a supervisor or executive must");
        }
        Money total = remedy.offered().plus(grantedOnComplaint);
        if (!within(approver.role(), total)) {
            throw new IllegalArgumentException(approver + " may approve up to " + cap(approver.role()).orElseThrow()
                    + "; " + remedy.offered() + (grantedOnComplaint.amount().signum() == 0 ? ""
                    : " on top of " + grantedOnComplaint + " already granted on the complaint") + " needs an executive");
        }
        remedy.decide(Remedy.State.GRANTED, approver, reason, at);
    }

    public void reject(Remedy remedy, Actor approver, String reason, Instant at) {
        if (!approver.role().atLeast(Role.SUPERVISOR)) {
            throw new IllegalArgumentException(approver + " cannot decide on remedies: a supervisor or executive must");
        }
        remedy.decide(Remedy.State.REJECTED, approver, reason, at);
    }

    private boolean within(Role role, Money amount) {
        return cap(role).map(c -> amount.compareTo(c) <= 0).orElse(true);
    }
}
