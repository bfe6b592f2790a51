package org.redress.app.desk;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.redress.app.store.NotFoundException;
import org.redress.app.store.Queue;
import org.redress.app.store.Users;
import org.redress.core.staff.Role;

/**
 * Which complaints a person may read and act on. An agent acts on the complaints of their own team, those assigned
 * to them, and those offered to their team; reading other teams' complaints is a desk setting
 * ({@code desk.read-across-teams}, off by default). Seniors and above act on all. Only members of the receiving team
 * (or seniors and above) answer a transfer. Assignment goes only to users and teams the desk has, and an agent
 * assigns only within their own team: moving a complaint to another team is a transfer, which that team accepts.
 */
public final class TeamBorders {

    private final Queue queue;
    private final boolean readAcrossTeams;
    private final Supplier<Set<String>> configuredTeams;
    private final Staff staff;

    TeamBorders(Queue queue, boolean readAcrossTeams, Supplier<Set<String>> configuredTeams, Staff staff) {
        this.queue = queue;
        this.readAcrossTeams = readAcrossTeams;
        this.configuredTeams = configuredTeams;
        this.staff = staff;
    }

    /** Why {@code user} may not read ({@code change} false) or change this complaint, or empty when they may. */
    public Optional<String> refusal(Users.User user, long complaint, boolean change) {
        if (!bordered(user)) {
            return Optional.empty();
        }
        Queue.Place place = queue.place(complaint).orElseThrow(() -> new NotFoundException("there is no complaint " + complaint));
        boolean theirs = user.username().equals(place.owner())
                || (user.team() != null && (user.team().equals(place.team()) || user.team().equals(place.offeredTo())));
        if (theirs || (!change && readAcrossTeams)) {
            return Optional.empty();
        }
        return Optional.of(user.username() + " (agent of " + (user.team() == null ? "no team" : "team " + user.team())
                + ") may not " + (change ? "act on" : "read") + " complaint #" + complaint + " of team "
                + Optional.ofNullable(place.team()).orElse("(none)") + ": an agent works on their own team's complaints, "
                + "those assigned to them and those offered to their team; a senior or above may act on it");
    }

    /** Why {@code user} may not accept or decline the transfer waiting on this complaint, or empty. */
    public Optional<String> transferRefusal(Users.User user, long complaint) {
        if (!bordered(user)) {
            return Optional.empty();
        }
        Queue.Place place = queue.place(complaint).orElseThrow(() -> new NotFoundException("there is no complaint " + complaint));
        if (place.offeredTo() != null && place.offeredTo().equals(user.team())) {
            return Optional.empty();
        }
        return Optional.of(user.username() + " is not a member of " + (place.offeredTo() == null ? "the receiving team"
                : "team " + place.offeredTo()) + ", which complaint #" + complaint + " is offered to: only its members "
                + "(or a senior or above) accept or decline it");
    }

    /**
     * Why this assignment may not be made by {@code user}, or empty: the owner and team must exist, and fit. With
     * no user, only whether the owner and team exist.
     */
    public Optional<String> assignmentRefusal(Users.User user, String owner, String team) {
        Set<String> teams = teams();
        if (!teams.contains(team)) {
            return Optional.of("team '" + team + "' does not exist; the desk's teams are " + String.join(", ", teams));
        }
        Optional<Users.User> to = staff.list().stream().filter(u -> u.username().equals(owner)).findFirst();
        if (to.isEmpty() || !to.get().active()) {
            return Optional.of("'" + owner + "' is no active user of the desk");
        }
        if (!to.get().role().atLeast(Role.AGENT) || to.get().role() == Role.ADMIN) {
            return Optional.of(owner + " (" + to.get().role().name().toLowerCase() + ") does not work on complaints");
        }
        if (user != null && bordered(user) && (!team.equals(user.team()) || (to.get().team() != null && !to.get().team().equals(team)))) {
            return Optional.of(user.username() + " (agent of " + (user.team() == null ? "no team" : "team " + user.team())
                    + ") assigns within their own team only; to move a complaint to another team, offer it as a transfer");
        }
        return Optional.empty();
    }

    /** The list an agent may see: empty (no narrowing) for seniors and above, or when reading across teams. */
    public Optional<Queue.Reach> reach(Users.User user) {
        return bordered(user) && !readAcrossTeams ? Optional.of(new Queue.Reach(user.team(), user.username())) : Optional.empty();
    }

    /** The teams the desk has: those its routing names, those its users are in, and those complaints sit in. */
    public Set<String> teams() {
        Set<String> teams = new TreeSet<>(configuredTeams.get());
        staff.list().stream().map(Users.User::team).filter(t -> t != null && !t.isBlank()).forEach(teams::add);
        teams.addAll(queue.teamsInUse());
        return teams;
    }

    private static boolean bordered(Users.User user) {
        return user.role() == Role.AGENT;
    }
}
