package org.redress.core.escalation;

import org.redress.core.sla.SlaMetric;
import org.redress.core.triage.SignalCode;

/** Why a complaint may need someone more experienced. */
public sealed interface Trigger {

    /** A short description for the audit trail. */
    String describe();

    record SlaBreach(SlaMetric metric) implements Trigger {
        @Override
        public String describe() {
            return "SLA breached: " + metric.name().toLowerCase().replace('_', ' ');
        }
    }

    record BrokenPromise(String promise) implements Trigger {
        @Override
        public String describe() {
            return "promise broken: " + promise;
        }
    }

    /** No progress, reopened again and again, or the customer keeps calling about it. */
    record Stuck(String why) implements Trigger {
        @Override
        public String describe() {
            return "stuck: " + why;
        }
    }

    record TriageSignal(SignalCode code) implements Trigger {
        @Override
        public String describe() {
            return "triage: " + code;
        }
    }
}
