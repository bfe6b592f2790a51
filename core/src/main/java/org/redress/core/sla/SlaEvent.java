package org.redress.core.sla;

import java.time.Instant;
import org.redress.core.complaint.Complaint;

/** What SLA monitoring reports about a complaint. */
public sealed interface SlaEvent {

    Complaint.Number complaint();

    SlaMetric metric();

    Instant deadline();

    /** A clock has used the warning share of its target. */
    record Warning(Complaint.Number complaint, SlaMetric metric, Instant deadline) implements SlaEvent {
    }

    /** A clock passed its target. */
    record Breach(Complaint.Number complaint, SlaMetric metric, Instant deadline) implements SlaEvent {
    }
}
