package org.redress.core.routing;

import java.util.Map;
import java.util.Objects;
import org.redress.core.complaint.Category;

/** Which team handles which category; everything else goes to the default team. */
public record RoutingTable(Map<Category, String> teams, String defaultTeam) {

    public RoutingTable {
        teams = Map.copyOf(teams);
        Objects.requireNonNull(defaultTeam, "defaultTeam");
    }

    public String teamFor(Category category) {
        return teams.getOrDefault(category, defaultTeam);
    }
}
