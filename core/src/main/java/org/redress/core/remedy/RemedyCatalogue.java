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
    private final String currency;

    public RemedyCatalogue(Set<RemedyKind> kinds, Map<Role, Money> caps, String currency) {
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

    /** The most this role may grant alone; empty means no limit. Admins and the desk itself may grant nothing. */
    public Optional<Money> cap(Role role) {
        if (role == Role.ADMIN || role == Role.SYSTEM) {
            return Optional.of(Money.zero(currency));
        }
        return Optional.ofNullable(caps.get(role));
    }

    public Remedy propose(Remedy.Id id, Complaint complaint, RemedyKind kind, Money claimedLoss, Money offered,
                          Actor by, String reason, Instant at) {
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
        boolean withinCap = within(by.role(), offered);
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
        if (!approver.role().atLeast(Role.SUPERVISOR)) {
            throw new IllegalArgumentException(approver + " cannot approve remedies: a supervisor or executive must");
        }
        if (!within(approver.role(), remedy.offered())) {
            throw new IllegalArgumentException(approver + " may approve up to " + cap(approver.role()).orElseThrow()
                    + "; " + remedy.offered() + " needs an executive");
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
