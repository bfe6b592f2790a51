package org.redress.core.escalation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.redress.core.complaint.Complaint;
import org.redress.core.promise.PromiseEvent;
import org.redress.core.sla.SlaEvent;
import org.redress.core.staff.Actor;
import org.redress.core.triage.Signal;

/**
 * Applies the escalation policy to what happens: a breach, a broken promise, a stuck complaint, a triage
 * signal. Each escalation is done by the desk itself and recorded with its trigger as the reason.
 */
public final class Escalator {

    private final EscalationPolicy policy;
    private final Clock clock;

    public Escalator(EscalationPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    public Optional<Escalation> on(Complaint complaint, Trigger trigger) {
        Optional<Escalation> e = policy.decide(complaint, trigger);
        e.ifPresent(x -> complaint.escalate(x.to(), Actor.DESK, trigger.describe(), clock.instant()));
        return e;
    }

    /** A broken promise escalates the complaint it was made on. */
    public Optional<Escalation> on(Complaint complaint, PromiseEvent event) {
        if (event instanceof PromiseEvent.Broken broken) {
            return on(complaint, new Trigger.BrokenPromise(broken.promise().text()));
        }
        return Optional.empty();
    }

    public Optional<Escalation> on(Complaint complaint, SlaEvent event) {
        if (event instanceof SlaEvent.Breach breach) {
            return on(complaint, new Trigger.SlaBreach(breach.metric()));
        }
        return Optional.empty();
    }

    /** The highest escalation any of the signals calls for, applied once. */
    public Optional<Escalation> on(Complaint complaint, List<Signal> signals) {
        Optional<Escalation> best = Optional.empty();
        for (Signal s : signals) {
            Optional<Escalation> e = policy.decide(complaint, new Trigger.TriageSignal(s.code()));
            if (e.isPresent() && (best.isEmpty() || e.get().to().compareTo(best.get().to()) > 0)) {
                best = e;
            }
        }
        best.ifPresent(x -> complaint.escalate(x.to(), Actor.DESK, x.trigger().describe(), clock.instant()));
        return best;
    }
}
