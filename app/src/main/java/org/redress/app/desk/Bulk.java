package org.redress.app.desk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redress.app.store.Complaints;
import org.redress.app.store.ConcurrentChangeException;
import org.redress.app.store.NotFoundException;
import org.redress.app.store.Users;
import org.redress.core.complaint.IllegalTransitionException;
import org.redress.core.complaint.Status;
import org.redress.core.staff.Role;

/**
 * One action on many complaints chosen in the queue: take them, move them to a status, offer them to another team,
 * or (a supervisor) assign them to someone. Each complaint is changed on its own, as it is now, within the user's team
 * borders; one that cannot be changed is reported with why and does not stop the others.
 */
public final class Bulk {

    /** The most complaints one action changes, so that one click cannot hold the desk for long. */
    public static final int MOST = 200;

    /** What to do with each chosen complaint. */
    public sealed interface Action permits Take, Move, Transfer, Assign {
    }

    /** Each becomes the user's, in their team. */
    public record Take() implements Action {
    }

    /** Each moves to a status, through every step the lifecycle needs. */
    public record Move(Status to, String reason) implements Action {
    }

    /** Each is offered to another team; its owner stays accountable until that team accepts. */
    public record Transfer(String team, String reason) implements Action {
    }

    /** Each is given to a person of a team (supervisors and above). */
    public record Assign(String owner, String team, String reason) implements Action {
    }

    /**
     * An action from its fields, read by name from a form or a JSON body: take, move (to), transfer (team), assign
     * (owner, team); reason is optional.
     *
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    public static Action action(java.util.function.Function<String, Optional<String>> field) {
        java.util.function.Function<String, String> required = name -> field.apply(name).filter(v -> !v.isBlank())
                .orElseThrow(() -> new IllegalArgumentException(name + ": required"));
        String action = required.apply("action");
        String reason = field.apply("reason").orElse("");
        return switch (action) {
            case "take" -> new Take();
            case "move" -> new Move(status(required.apply("to")), reason);
            case "transfer" -> new Transfer(required.apply("team"), reason.isBlank() ? "moved from the queue" : reason);
            case "assign" -> new Assign(required.apply("owner"), required.apply("team"), reason);
            default -> throw new IllegalArgumentException("action: one of take, move, transfer, assign; got '" + action + "'");
        };
    }

    private static Status status(String s) {
        try {
            return Status.valueOf(s.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("to: one of " + List.of(Status.values()).toString().toLowerCase(java.util.Locale.ROOT)
                    + ", got '" + s + "'");
        }
    }

    /** The complaints changed, and each one that was not with the reason, in the order chosen. */
    public record Outcome(List<Long> changed, Map<Long, String> refused) {
    }

    private final Complaints complaints;
    private final Casework casework;
    private final TeamBorders borders;

    Bulk(Complaints complaints, Casework casework, TeamBorders borders) {
        this.complaints = complaints;
        this.casework = casework;
        this.borders = borders;
    }

    /**
     * Applies the action to each complaint.
     *
     * @param answerAt the desk's address as customers reach it (for the satisfaction question a decision sends)
     * @throws IllegalArgumentException when nothing is chosen, too much is, or the user's role may not assign
     */
    public Outcome apply(List<Long> numbers, Users.User by, Action action, String answerAt) {
        List<Long> chosen = numbers.stream().distinct().toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("choose at least one complaint");
        }
        if (chosen.size() > MOST) {
            throw new IllegalArgumentException("at most " + MOST + " complaints at once, " + chosen.size() + " chosen");
        }
        if (action instanceof Assign && !by.role().atLeast(Role.SUPERVISOR)) {
            throw new IllegalArgumentException("assigning complaints to someone else needs the supervisor role");
        }
        List<Long> changed = new ArrayList<>();
        Map<Long, String> refused = new LinkedHashMap<>();
        for (long number : chosen) {
            try {
                Optional<String> border = borders.refusal(by, number, true);
                if (border.isPresent()) {
                    refused.put(number, border.get());
                    continue;
                }
                org.redress.core.complaint.Complaint now = complaints.require(number).complaint();
                long version = now.version();
                if (action instanceof Take) {
                    casework.take(number, version, by);
                } else if (action instanceof Move m) {
                    if (now.status() == m.to()) {
                        refused.put(number, "it is " + m.to() + " already");
                        continue;
                    }
                    casework.moveTo(number, version, m.to(), m.reason(), by.actor(), answerAt);
                } else if (action instanceof Transfer x) {
                    casework.requestTransfer(number, version, x.team(), Optional.empty(), x.reason(), by.actor());
                } else if (action instanceof Assign a) {
                    casework.assign(number, version, a.owner(), a.team(), a.reason(), by.actor());
                }
                changed.add(number);
            } catch (NotFoundException | ConcurrentChangeException | IllegalTransitionException | IllegalStateException
                     | IllegalArgumentException e) {
                refused.put(number, e.getMessage());
            }
        }
        return new Outcome(changed, refused);
    }
}
