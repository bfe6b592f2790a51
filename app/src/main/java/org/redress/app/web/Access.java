package org.redress.app.web;

import org.redress.core.staff.Role;

/** Who may call a route or open a page: anybody, any signed-in user, agents and up the ladder, supervisors and up, admins. */
public enum Access {
    PUBLIC, SIGNED_IN, AGENT, SUPERVISOR, ADMIN;

    /** Whether a signed-in user of this role may. */
    public boolean allows(Role role) {
        return switch (this) {
            case PUBLIC, SIGNED_IN -> true;
            case AGENT -> role.atLeast(Role.AGENT);
            case SUPERVISOR -> role.atLeast(Role.SUPERVISOR);
            case ADMIN -> role == Role.ADMIN;
        };
    }
}
