package org.redress.core.complaint;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The allowed transitions, in one table. The README shows the same table; {@code LifecycleTest} checks the
 * two agree.
 */
public final class Lifecycle {

    private static final Map<Status, Set<Status>> NEXT = new EnumMap<>(Status.class);

    static {
        allow(Status.RECEIVED, Status.ACKNOWLEDGED, Status.CLOSED);
        allow(Status.ACKNOWLEDGED, Status.ASSESSED, Status.WAITING_ON_CUSTOMER, Status.CLOSED);
        allow(Status.ASSESSED, Status.INVESTIGATING, Status.RESPONDED, Status.WAITING_ON_CUSTOMER);
        allow(Status.INVESTIGATING, Status.RESPONDED, Status.WAITING_ON_CUSTOMER);
        allow(Status.WAITING_ON_CUSTOMER, Status.ASSESSED, Status.INVESTIGATING, Status.RESPONDED, Status.CLOSED);
        allow(Status.RESPONDED, Status.DECISION_COMMUNICATED, Status.INVESTIGATING, Status.WAITING_ON_CUSTOMER);
        allow(Status.DECISION_COMMUNICATED, Status.CLOSED, Status.INVESTIGATING);
        allow(Status.CLOSED, Status.REOPENED);
        allow(Status.REOPENED, Status.ASSESSED, Status.INVESTIGATING);
    }

    private Lifecycle() {
    }

    private static void allow(Status from, Status... to) {
        Set<Status> set = EnumSet.noneOf(Status.class);
        set.addAll(java.util.List.of(to));
        NEXT.put(from, set);
    }

    /** The states a complaint in {@code from} may move to. */
    public static Set<Status> next(Status from) {
        Set<Status> next = NEXT.get(from);
        return next == null ? EnumSet.noneOf(Status.class) : EnumSet.copyOf(next);
    }

    public static boolean allowed(Status from, Status to) {
        return NEXT.getOrDefault(from, Set.of()).contains(to);
    }

    /**
     * The shortest way from one state to another through allowed transitions, without {@code from} itself:
     * {@code [ASSESSED, INVESTIGATING]} from ACKNOWLEDGED to INVESTIGATING. Empty when {@code to} cannot be reached
     * or is where the complaint already is. Among equally short ways the one through the earlier statuses is taken, so
     * the path is the same every time.
     */
    public static java.util.List<Status> path(Status from, Status to) {
        if (from == to) {
            return java.util.List.of();
        }
        Map<Status, Status> cameFrom = new EnumMap<>(Status.class);
        java.util.ArrayDeque<Status> frontier = new java.util.ArrayDeque<>(java.util.List.of(from));
        cameFrom.put(from, from);
        while (!frontier.isEmpty()) {
            Status at = frontier.removeFirst();
            for (Status next : NEXT.getOrDefault(at, Set.of())) {
                if (cameFrom.putIfAbsent(next, at) != null) {
                    continue;
                }
                if (next == to) {
                    java.util.LinkedList<Status> way = new java.util.LinkedList<>();
                    for (Status s = to; s != from; s = cameFrom.get(s)) {
                        way.addFirst(s);
                    }
                    return java.util.List.copyOf(way);
                }
                frontier.addLast(next);
            }
        }
        return java.util.List.of();
    }

    /** Every state a complaint in {@code from} can reach in one or more allowed transitions. */
    public static Set<Status> reachable(Status from) {
        Set<Status> out = EnumSet.noneOf(Status.class);
        for (Status s : Status.values()) {
            if (!path(from, s).isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** The whole table, for documentation and tests. */
    public static Map<Status, Set<Status>> table() {
        Map<Status, Set<Status>> copy = new EnumMap<>(Status.class);
        NEXT.forEach((k, v) -> copy.put(k, EnumSet.copyOf(v)));
        return copy;
    }
}
