package org.redress.core.staff;

/**
 * What a person may do at the desk. Agent, senior, supervisor and executive form a ladder (escalation levels
 * map onto it); admin runs the desk and the system role is the desk itself, each outside the ladder.
 */
public enum Role {
    AGENT, SENIOR, SUPERVISOR, EXECUTIVE, ADMIN, SYSTEM;

    private boolean onLadder() {
        return this != ADMIN && this != SYSTEM;
    }

    /** Whether this role stands at or above {@code other} on the ladder (off it, only equal roles compare). */
    public boolean atLeast(Role other) {
        return onLadder() && other.onLadder() ? ordinal() >= other.ordinal() : this == other;
    }
}
