package org.redress.core.complaint;

import java.util.Optional;
import org.redress.core.staff.Role;

/** Who handles a complaint: agent, then senior, supervisor, executive. */
public enum EscalationLevel {
    AGENT(Role.AGENT), SENIOR(Role.SENIOR), SUPERVISOR(Role.SUPERVISOR), EXECUTIVE(Role.EXECUTIVE);

    private final Role role;

    EscalationLevel(Role role) {
        this.role = role;
    }

    /** The least role that may own a complaint at this level. */
    public Role role() {
        return role;
    }

    public Optional<EscalationLevel> next() {
        return this == EXECUTIVE ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }
}
