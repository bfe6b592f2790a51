package org.redress.core.complaint;

import java.util.Set;
import java.util.stream.Collectors;

/** A transition the lifecycle does not allow; the message names the current state and the allowed next ones. */
public class IllegalTransitionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Status from;
    private final Status to;

    public IllegalTransitionException(Complaint.Number number, Status from, Status to, Set<Status> allowed) {
        super("complaint " + number + " is " + from + " and cannot become " + to + "; allowed next: "
                + (allowed.isEmpty() ? "none" : allowed.stream().map(Status::name).sorted()
                .collect(Collectors.joining(", "))));
        this.from = from;
        this.to = to;
    }

    public Status from() {
        return from;
    }

    public Status to() {
        return to;
    }
}
