package org.redress.core.escalation;

import org.redress.core.complaint.EscalationLevel;

/** A decision to move a complaint up: to which level, and why. */
public record Escalation(EscalationLevel to, Trigger trigger) {
}
