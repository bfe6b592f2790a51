package org.redress.core.escalation;

import org.redress.core.sla.SlaMetric;
import org.redress.core.triage.SignalCode;

/** Why a complaint may need someone more experienced. */
public sealed interface Trigger {

    /**
     * The sort of trigger, as the escalation log stores it. Its description leads the escalation's reason in the
     * audit trail, so the kind of a stored escalation is read back from that one place ({@link #ofReason}).
     */
    enum Kind {
        SLA_BREACH("sla-breach", "SLA breached: "), BROKEN_PROMISE("broken-promise", "promise broken: "), STUCK("stuck", "stuck: "),
        TRIAGE_SIGNAL("triage-signal", "triage: "), MANUAL("manual", "");

        private final String stored;
        private final String lead;

        Kind(String stored, String lead) {
            this.stored = stored;
            this.lead = lead;
        }

        /** The name the escalation log stores it under. */
        public String stored() {
            return stored;
        }

        /** The kind of the trigger an escalation's reason was written for; a person's own reason is {@link #MANUAL}. */
        public static Kind ofReason(String reason) {
            for (Kind k : values()) {
                if (k != MANUAL && reason != null && reason.startsWith(k.lead)) {
                    return k;
                }
            }
            return MANUAL;
        }

        String describe(String what) {
            return lead + what;
        }
    }

    Kind kind();

    /** A short description for the audit trail. */
    String describe();

    record SlaBreach(SlaMetric metric) implements Trigger {
        @Override
        public Kind kind() {
            return Kind.SLA_BREACH;
        }

        @Override
        public String describe() {
            return Kind.SLA_BREACH.describe(metric.name().toLowerCase().replace('_', ' '));
        }
    }

    record BrokenPromise(String promise) implements Trigger {
        @Override
        public Kind kind() {
            return Kind.BROKEN_PROMISE;
        }

        @Override
        public String describe() {
            return Kind.BROKEN_PROMISE.describe(promise);
        }
    }

    /** No progress, reopened again and again, or the customer keeps calling about it. */
    record Stuck(String why) implements Trigger {
        @Override
        public Kind kind() {
            return Kind.STUCK;
        }

        @Override
        public String describe() {
            return Kind.STUCK.describe(why);
        }
    }

    record TriageSignal(SignalCode code) implements Trigger {
        @Override
        public Kind kind() {
            return Kind.TRIAGE_SIGNAL;
        }

        @Override
        public String describe() {
            return Kind.TRIAGE_SIGNAL.describe(String.valueOf(code));
        }
    }
}
