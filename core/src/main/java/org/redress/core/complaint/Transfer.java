package org.redress.core.complaint;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.redress.core.staff.Actor;

/**
 * A complaint offered to another team or person. Until the receiver accepts, the current owner stays
 * accountable: the customer is never left between two desks.
 *
 * @param toTeam      the receiving team
 * @param toOwner     the receiving person, if one was named
 * @param requestedBy who offered it
 * @param at          when
 * @param reason      why it belongs there
 */
public record Transfer(String toTeam, Optional<String> toOwner, Actor requestedBy, Instant at, String reason) {
    public Transfer {
        Objects.requireNonNull(toTeam, "toTeam");
        Objects.requireNonNull(toOwner, "toOwner");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(at, "at");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a transfer needs a reason the receiver can act on");
        }
    }
}
