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

    /** The whole table, for documentation and tests. */
    public static Map<Status, Set<Status>> table() {
        Map<Status, Set<Status>> copy = new EnumMap<>(Status.class);
        NEXT.forEach((k, v) -> copy.put(k, EnumSet.copyOf(v)));
        return copy;
    }
}
