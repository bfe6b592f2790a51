package org.redress.core.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.Priority;
import org.redress.core.complaint.Status;

/**
 * The SLA clocks of one complaint, driven by what happens to it: receipt starts acknowledgement, first
 * response and resolution; waiting on the customer pauses them all; a reply stops the first response and
 * starts the next-update clock, whose deadline is the ETA the reply gave when it gave one; the decision stops
 * resolution; a reopening starts resolution again.
 */
public final class SlaClocks {

    private final Complaint.Number complaint;
    private final SlaPolicy policy;
    private Priority priority;
    private final Map<SlaMetric, SlaClock> clocks = new EnumMap<>(SlaMetric.class);
    private final List<SlaClock> finished = new ArrayList<>();

    private SlaClocks(Complaint.Number complaint, Priority priority, SlaPolicy policy) {
        this.complaint = complaint;
        this.priority = priority;
        this.policy = policy;
    }

    public static SlaClocks start(Complaint.Number complaint, Priority priority, Instant receivedAt, SlaPolicy policy) {
        SlaClocks c = new SlaClocks(complaint, priority, policy);
        c.begin(SlaMetric.ACKNOWLEDGEMENT, receivedAt, null);
        c.begin(SlaMetric.FIRST_RESPONSE, receivedAt, null);
        c.begin(SlaMetric.RESOLUTION, receivedAt, null);
        return c;
    }

    /**
     * The clocks of a stored complaint, as they were saved.
     *
     * @param running  the current clock of each metric (running, paused or stopped)
     * @param finished next-update and resolution clocks that a later one replaced
     */
    public static SlaClocks restore(Complaint.Number complaint, Priority priority, SlaPolicy policy,
                                    List<SlaClock.Stored> running, List<SlaClock.Stored> finished) {
        SlaClocks c = new SlaClocks(complaint, priority, policy);
        for (SlaClock.Stored s : running) {
            c.clocks.put(s.metric(), SlaClock.restore(s));
        }
        for (SlaClock.Stored s : finished) {
            c.finished.add(SlaClock.restore(s));
        }
        return c;
    }

    /** The current clock of each metric, for a store. */
    public List<SlaClock.Stored> current() {
        return clocks.values().stream().map(SlaClock::stored).toList();
    }

    /** Clocks a later one of the same metric replaced, for a store. */
    public List<SlaClock.Stored> replaced() {
        return finished.stream().map(SlaClock::stored).toList();
    }

    public Priority priority() {
        return priority;
    }

    private void begin(SlaMetric metric, Instant at, Instant fixedDeadline) {
        SlaClock old = clocks.put(metric, new SlaClock(metric, at, policy.target(priority, metric), fixedDeadline));
        if (old != null) {
            old.stop(at, policy.calendar());
            finished.add(old);
        }
    }

    private void stop(SlaMetric metric, Instant at) {
        SlaClock c = clocks.get(metric);
        if (c != null) {
            c.stop(at, policy.calendar());
        }
    }

    /** Follows a lifecycle transition of the complaint. */
    public void onTransition(Status from, Status to, Instant at) {
        if (to == Status.WAITING_ON_CUSTOMER) {
            clocks.values().forEach(c -> c.pause(at));
        } else if (from == Status.WAITING_ON_CUSTOMER) {
            clocks.values().forEach(c -> c.resume(at, policy.calendar()));
        }
        if (to == Status.ACKNOWLEDGED) {
            stop(SlaMetric.ACKNOWLEDGEMENT, at);
        }
        if (to == Status.DECISION_COMMUNICATED || to == Status.CLOSED) {
            stop(SlaMetric.ACKNOWLEDGEMENT, at);
            stop(SlaMetric.FIRST_RESPONSE, at);
            stop(SlaMetric.NEXT_UPDATE, at);
            stop(SlaMetric.RESOLUTION, at);
        }
        if (to == Status.REOPENED) {
            begin(SlaMetric.RESOLUTION, at, null);
        }
    }

    /**
     * Follows a reply given to the customer there and then (in person, on the phone): written and answered at once.
     *
     * @param eta the time the reply gave for the next step; it becomes the next-update deadline
     */
    public void onReply(Instant at, Optional<Instant> eta) {
        onReplyWritten(at, eta);
        onAnswered(at);
    }

    /**
     * Follows a reply written to the customer and owed through a channel. Its ETA is the next-update deadline from
     * now; the response clocks keep running until it reaches the customer ({@link #onAnswered}), because a reply
     * the mail server refused answered nobody.
     */
    public void onReplyWritten(Instant at, Optional<Instant> eta) {
        begin(SlaMetric.NEXT_UPDATE, at, eta.filter(e -> e.isAfter(at)).orElse(null));
    }

    /**
     * Follows a person's message reaching the customer: it meets the acknowledgement and first-response clocks.
     *
     * @return whether a clock that was running stopped
     */
    public boolean onAnswered(Instant at) {
        boolean running = running(SlaMetric.ACKNOWLEDGEMENT) || running(SlaMetric.FIRST_RESPONSE);
        stop(SlaMetric.ACKNOWLEDGEMENT, at);
        stop(SlaMetric.FIRST_RESPONSE, at);
        return running;
    }

    private boolean running(SlaMetric metric) {
        SlaClock c = clocks.get(metric);
        return c != null && !c.isStopped();
    }

    /** A new priority applies to clocks started from now on. */
    public void reprioritise(Priority to) {
        this.priority = to;
    }

    /** Warnings and breaches owed at {@code now}, each reported once. */
    public List<SlaEvent> check(Instant now) {
        List<SlaEvent> events = new ArrayList<>();
        for (SlaClock c : clocks.values()) {
            c.check(now, policy.calendar(), policy.warnAt(), complaint).ifPresent(events::add);
        }
        return events;
    }

    public Optional<SlaClock> clock(SlaMetric metric) {
        return Optional.ofNullable(clocks.get(metric));
    }

    /** The state of a clock, or empty when it has not started. */
    public Optional<SlaClock.State> state(SlaMetric metric, Instant now) {
        return clock(metric).map(c -> c.state(now, policy.calendar(), policy.warnAt()));
    }

    /** When the current clock of a metric can next owe a warning or a breach; empty when it owes none. */
    public Optional<Instant> nextCheck(SlaMetric metric) {
        return clock(metric).flatMap(c -> c.nextCheck(policy.calendar(), policy.warnAt()));
    }

    /** Every clock of the complaint that has stopped, including replaced next-update clocks. */
    public List<SlaClock> stopped() {
        List<SlaClock> all = new ArrayList<>(finished);
        clocks.values().stream().filter(SlaClock::isStopped).forEach(all::add);
        return all;
    }

    /** Visits every stopped clock without copying, for reports over many complaints. */
    public void forEachStopped(java.util.function.Consumer<SlaClock> visitor) {
        finished.forEach(visitor);
        for (SlaClock c : clocks.values()) {
            if (c.isStopped()) {
                visitor.accept(c);
            }
        }
    }

    public Complaint.Number complaint() {
        return complaint;
    }

    public SlaPolicy policy() {
        return policy;
    }
}
