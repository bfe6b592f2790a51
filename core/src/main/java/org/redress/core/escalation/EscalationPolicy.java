package org.redress.core.escalation;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.EscalationLevel;
import org.redress.core.triage.SignalCode;

/**
 * Which triggers move a complaint up the ladder, and how far. SLA breaches, broken promises and being stuck
 * step it up one level (at least to the configured floor); triage signals lift it to a fixed level. The
 * policy never moves a complaint down.
 */
public final class EscalationPolicy {

    private final EscalationLevel stuckFloor;
    private final Map<SignalCode, EscalationLevel> signalLevels;
    private final boolean stepOnSlaBreach;
    private final boolean stepOnBrokenPromise;

    public EscalationPolicy(EscalationLevel stuckFloor, Map<SignalCode, EscalationLevel> signalLevels,
                            boolean stepOnSlaBreach, boolean stepOnBrokenPromise) {
        this.stuckFloor = stuckFloor;
        this.signalLevels = signalLevels.isEmpty() ? Map.of() : new EnumMap<>(signalLevels);
        this.stepOnSlaBreach = stepOnSlaBreach;
        this.stepOnBrokenPromise = stepOnBrokenPromise;
    }

    /** Chargebacks, legal and regulator threats go to a supervisor; public threats to a senior; a request for
     *  an executive to the executive level. */
    public static EscalationPolicy standard() {
        Map<SignalCode, EscalationLevel> m = new EnumMap<>(SignalCode.class);
        m.put(SignalCode.THREAT_CHARGEBACK, EscalationLevel.SUPERVISOR);
        m.put(SignalCode.THREAT_LEGAL, EscalationLevel.SUPERVISOR);
        m.put(SignalCode.THREAT_REGULATOR, EscalationLevel.SUPERVISOR);
        m.put(SignalCode.THREAT_PUBLIC, EscalationLevel.SENIOR);
        m.put(SignalCode.EXECUTIVE_ESCALATION, EscalationLevel.EXECUTIVE);
        return new EscalationPolicy(EscalationLevel.SENIOR, m, true, true);
    }

    /** The level each triage signal takes a complaint to. */
    public Map<SignalCode, EscalationLevel> signalLevels() {
        return Map.copyOf(signalLevels);
    }

    /** Where the trigger takes the complaint, or empty when it stays where it is. */
    public Optional<Escalation> decide(Complaint complaint, Trigger trigger) {
        EscalationLevel current = complaint.escalation();
        Optional<EscalationLevel> target;
        if (trigger instanceof Trigger.SlaBreach) {
            target = stepOnSlaBreach ? current.next() : Optional.empty();
        } else if (trigger instanceof Trigger.BrokenPromise) {
            target = stepOnBrokenPromise ? current.next() : Optional.empty();
        } else if (trigger instanceof Trigger.Stuck) {
            target = Optional.of(max(current.next().orElse(current), stuckFloor));
        } else {
            target = Optional.ofNullable(signalLevels.get(((Trigger.TriageSignal) trigger).code()));
        }
        return target.filter(t -> t.compareTo(current) > 0).map(t -> new Escalation(t, trigger));
    }

    private static EscalationLevel max(EscalationLevel a, EscalationLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
