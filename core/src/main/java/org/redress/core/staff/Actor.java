package org.redress.core.staff;

import java.util.Objects;

/**
 * Who did something: a person with a role, or the desk itself.
 *
 * @param id   the login or name, for the audit trail
 * @param role what the actor may do
 */
public record Actor(String id, Role role) {

    public static final Actor DESK = new Actor("desk", Role.SYSTEM);

    public Actor {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an actor needs an id");
        }
        Objects.requireNonNull(role, "role");
    }

    public static Actor agent(String id) {
        return new Actor(id, Role.AGENT);
    }

    public static Actor supervisor(String id) {
        return new Actor(id, Role.SUPERVISOR);
    }

    @Override
    public String toString() {
        return id + " (" + role.name().toLowerCase() + ")";
    }
}
