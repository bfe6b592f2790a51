package org.redress.core.complaint;

/** Where a complaint stands, following the stages of ISO 10002 plus waiting and reopening. */
public enum Status {
    RECEIVED, ACKNOWLEDGED, ASSESSED, INVESTIGATING, RESPONDED, DECISION_COMMUNICATED, CLOSED,
    /** The desk waits for the customer's answer; SLA clocks are paused. */
    WAITING_ON_CUSTOMER,
    /** A closed complaint came back. */
    REOPENED;

    public boolean isOpen() {
        return this != CLOSED;
    }
}
