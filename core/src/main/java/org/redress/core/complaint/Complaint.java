package org.redress.core.complaint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.redress.core.customer.Customer;
import org.redress.core.staff.Actor;
import org.redress.core.triage.Signal;
import org.redress.core.triage.SignalCode;

/**
 * A complaint: who, about what, how urgent, where it stands, who owns it, and its whole story as a timeline
 * of immutable entries and an append-only audit trail. Every change goes through a method that records its
 * actor, time and reason; time always comes from the caller (the desk's injected clock).
 */
public final class Complaint {

    /** The human-friendly number used in subject tags like {@code [#1042]}. */
    public record Number(long value) {
        public Number {
            if (value < 1) {
                throw new IllegalArgumentException("complaint numbers start at 1, got " + value);
            }
        }

        /** The tag the desk puts in subjects. */
        public String tag() {
            return "[#" + value + "]";
        }

        @Override
        public String toString() {
            return "#" + value;
        }
    }

    private final Number number;
    private Customer.Id customer;
    private final String channel;
    private final String subject;
    private Category category;
    private Priority priority;
    private String language;
    private Status status = Status.RECEIVED;
    private String owner;
    private String team;
    private EscalationLevel escalation = EscalationLevel.AGENT;
    private Transfer pendingTransfer;
    private String rootCause;
    private final Instant receivedAt;
    private Instant closedAt;
    private int reopenCount;
    private final List<Signal> signals = new ArrayList<>();
    private final List<Entry> timeline = new ArrayList<>();
    private final List<AuditRecord> audit = new ArrayList<>();
    private final Playbook playbook = new Playbook();
    private long version;

    private Complaint(Number number, Customer.Id customer, String channel, String subject, Category category,
                      Priority priority, String language, Instant receivedAt) {
        this.number = Objects.requireNonNull(number, "number");
        this.customer = Objects.requireNonNull(customer, "customer");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.subject = subject == null ? "" : subject;
        this.category = Objects.requireNonNull(category, "category");
        this.priority = Objects.requireNonNull(priority, "priority");
        this.language = language;
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /**
     * A complaint as received: its first entry is the customer's full account (the listen step).
     */
    public static Complaint receive(Number number, Customer.Id customer, String channel, String subject,
                                    Category category, Priority priority, String language, List<Signal> signals,
                                    Entry first) {
        Complaint c = new Complaint(number, customer, channel, subject, category, priority, language, first.at());
        c.signals.addAll(signals);
        c.timeline.add(first);
        if (first instanceof Entry.CustomerMessage || first instanceof Entry.Call) {
            c.playbook.accountCaptured();
        }
        c.audit.add(new AuditRecord(first.at(), Actor.DESK, AuditAction.RECEIVE, "", Status.RECEIVED.name(),
                "received through " + channel));
        return c;
    }

    /**
     * Everything a store keeps of a complaint, to bring it back as it was. The pending transfer, if any, is the
     * store's to keep too; the playbook is not stored on its own since the audit trail records every step of it.
     */
    public record Snapshot(Number number, Customer.Id customer, String channel, String subject, Category category,
                           Priority priority, String language, Status status, String owner, String team,
                           EscalationLevel escalation, Transfer pendingTransfer, String rootCause, Instant receivedAt,
                           Instant closedAt, int reopenCount, long version, List<Signal> signals, List<Entry> timeline,
                           List<AuditRecord> audit) {
    }

    /** A stored complaint, as it was when it was saved (the playbook replayed from its audit trail). */
    public static Complaint restore(Snapshot s) {
        Complaint c = new Complaint(s.number(), s.customer(), s.channel(), s.subject(), s.category(), s.priority(),
                s.language(), s.receivedAt());
        c.status = Objects.requireNonNull(s.status(), "status");
        c.owner = s.owner();
        c.team = s.team();
        c.escalation = Objects.requireNonNull(s.escalation(), "escalation");
        c.pendingTransfer = s.pendingTransfer();
        c.rootCause = s.rootCause();
        c.closedAt = s.closedAt();
        c.reopenCount = s.reopenCount();
        c.signals.addAll(s.signals());
        c.timeline.addAll(s.timeline());
        c.audit.addAll(s.audit());
        if (s.timeline().stream().anyMatch(e -> e instanceof Entry.CustomerMessage || e instanceof Entry.Call)) {
            c.playbook.accountCaptured();
        }
        for (AuditRecord r : s.audit()) {
            c.replayPlaybook(r);
        }
        c.version = s.version();
        return c;
    }

    /** What a store keeps of this complaint now. */
    public Snapshot snapshot() {
        return new Snapshot(number, customer, channel, subject, category, priority, language, status, owner, team,
                escalation, pendingTransfer, rootCause, receivedAt, closedAt, reopenCount, version, List.copyOf(signals),
                List.copyOf(timeline), List.copyOf(audit));
    }

    private void replayPlaybook(AuditRecord r) {
        if (r.is(AuditAction.DECISION) && playbook.resolution() == Playbook.Resolution.PROPOSED) {
            playbook.resolutionAnswered(r.after().equals("accepted"));
            return;
        }
        if (!r.is(AuditAction.PLAYBOOK)) {
            return;
        }
        PlaybookEvent.of(r.after()).ifPresent(e -> {
            switch (e) {
                case RECAP_SENT -> playbook.recapSent();
                case RECAP_CONFIRMED -> playbook.recapConfirmed();
                case RECAP_CORRECTED -> playbook.recapCorrected();
                case APOLOGY -> playbook.apologised();
                case RESOLUTION_PROPOSED -> playbook.resolutionProposed();
                case EMPATHY -> playbook.empathyShown();
            }
        });
    }

    // ---- lifecycle ----------------------------------------------------------------------------------

    /**
     * Moves the complaint to a state in as many allowed steps as the lifecycle needs (ACKNOWLEDGED to INVESTIGATING
     * goes through ASSESSED), each step on the audit trail with the same reason: the one move an agent makes for
     * what the desk would otherwise ask as several.
     *
     * @throws IllegalTransitionException when the state cannot be reached from here, naming every state that can
     */
    public java.util.List<AuditRecord> moveTo(Status to, Actor actor, String reason, Instant at) {
        Objects.requireNonNull(to, "to");
        java.util.List<Status> way = Lifecycle.path(status, to);
        if (way.isEmpty()) {
            throw new IllegalTransitionException(number, status, to, Lifecycle.reachable(status));
        }
        java.util.List<AuditRecord> done = new java.util.ArrayList<>();
        for (Status step : way) {
            done.add(transition(step, actor, reason, at));
        }
        return done;
    }

    /**
     * Moves the complaint to another state.
     *
     * @throws IllegalTransitionException naming the current state and the allowed next ones
     */
    public AuditRecord transition(Status to, Actor actor, String reason, Instant at) {
        Objects.requireNonNull(to, "to");
        if (!Lifecycle.allowed(status, to)) {
            throw new IllegalTransitionException(number, status, to, Lifecycle.next(status));
        }
        Status before = status;
        status = to;
        if (to == Status.CLOSED) {
            closedAt = at;
        }
        if (to == Status.REOPENED) {
            reopenCount++;
            closedAt = null;
        }
        return record(at, actor, AuditAction.TRANSITION, before.name(), to.name(), reason);
    }

    /**
     * The customer's answer to the decision. Accepted closes nothing by itself (the agent closes); rejected
     * keeps the complaint open, back in investigation, and offers the next escalation level.
     *
     * @return the escalation level offered, when rejected and there is one above the current
     */
    public Optional<EscalationLevel> decisionAnswered(boolean accepted, Actor actor, String reason, Instant at) {
        if (status != Status.DECISION_COMMUNICATED) {
            throw new IllegalStateException("complaint " + number + " is " + status
                    + "; a decision can be answered only once it is DECISION_COMMUNICATED");
        }
        if (playbook.resolution() == Playbook.Resolution.PROPOSED) {
            playbook.resolutionAnswered(accepted);
        }
        if (accepted) {
            record(at, actor, AuditAction.DECISION, "communicated", "accepted", reason);
            return Optional.empty();
        }
        record(at, actor, AuditAction.DECISION, "communicated", "rejected", reason);
        transition(Status.INVESTIGATING, actor, "decision rejected: " + reason, at);
        Optional<EscalationLevel> offer = escalation.next();
        timeline.add(new Entry.SystemEvent(at, "decision-rejected", "The customer rejected the decision"
                + offer.map(l -> "; escalation to " + l.name().toLowerCase() + " is offered").orElse("")));
        return offer;
    }

    // ---- timeline -----------------------------------------------------------------------------------

    /** Adds an entry to the timeline. A customer writing to a closed complaint does not reopen it by itself. */
    public void append(Entry entry) {
        Objects.requireNonNull(entry, "entry");
        timeline.add(entry);
        version++;
    }

    // ---- playbook -----------------------------------------------------------------------------------

    public void recapSent(Actor actor, Instant at) {
        playbook.recapSent();
        record(at, actor, AuditAction.PLAYBOOK, "", PlaybookEvent.RECAP_SENT.stored(0), "");
    }

    public void recapConfirmed(Actor actor, Instant at) {
        playbook.recapConfirmed();
        record(at, actor, AuditAction.PLAYBOOK, PlaybookEvent.RECAP_SENT.stored(0), PlaybookEvent.RECAP_CONFIRMED.stored(0), "");
    }

    public void recapCorrected(Actor actor, String correction, Instant at) {
        playbook.recapCorrected();
        record(at, actor, AuditAction.PLAYBOOK, PlaybookEvent.RECAP_SENT.stored(0), PlaybookEvent.RECAP_CORRECTED.stored(0), correction);
    }

    /** The agent acknowledged how the customer feels (recorded once: the first time is what the playbook asks). */
    public void empathyShown(Actor actor, Instant at) {
        if (!playbook.isEmpathyShown()) {
            playbook.empathyShown();
            record(at, actor, AuditAction.PLAYBOOK, "", PlaybookEvent.EMPATHY.stored(0), "");
        }
    }

    public Optional<PlaybookWarning> apologised(Actor actor, Instant at) {
        Optional<PlaybookWarning> warning = playbook.apologised();
        record(at, actor, AuditAction.PLAYBOOK, "", PlaybookEvent.APOLOGY.stored(playbook.apologies()), warning.map(PlaybookWarning::message).orElse(""));
        return warning;
    }

    public Optional<PlaybookWarning> resolutionProposed(Actor actor, String proposal, Instant at) {
        Optional<PlaybookWarning> warning = playbook.resolutionProposed();
        record(at, actor, AuditAction.PLAYBOOK, "", PlaybookEvent.RESOLUTION_PROPOSED.stored(0), proposal
                + warning.map(w -> " (warning: " + w.message() + ")").orElse(""));
        return warning;
    }

    // ---- ownership ----------------------------------------------------------------------------------

    public void assign(String owner, String team, Actor actor, String reason, Instant at) {
        String before = this.owner + "@" + this.team;
        this.owner = owner;
        this.team = team;
        record(at, actor, AuditAction.ASSIGN, before, owner + "@" + team, reason);
    }

    /** The desk routes the complaint to the team that handles its category (no owner yet: the team's queue). */
    public void route(String team, Instant at) {
        String before = this.team == null ? "" : this.team;
        this.team = Objects.requireNonNull(team, "team");
        record(at, Actor.DESK, AuditAction.ROUTE, before, team, "category " + category.code());
    }

    /** Offers the complaint to another team; the current owner stays accountable until it is accepted. */
    public void requestTransfer(String toTeam, Optional<String> toOwner, Actor actor, String reason, Instant at) {
        if (pendingTransfer != null) {
            throw new IllegalStateException("complaint " + number + " already has a transfer to "
                    + pendingTransfer.toTeam() + " awaiting acceptance");
        }
        pendingTransfer = new Transfer(toTeam, toOwner, actor, at, reason);
        record(at, actor, AuditAction.TRANSFER_REQUESTED, team, toTeam, reason);
    }

    public void acceptTransfer(Actor receiver, Instant at) {
        Transfer t = requirePendingTransfer();
        String before = owner + "@" + team;
        owner = t.toOwner().orElse(receiver.id());
        team = t.toTeam();
        pendingTransfer = null;
        record(at, receiver, AuditAction.TRANSFER_ACCEPTED, before, owner + "@" + team, t.reason());
    }

    public void declineTransfer(Actor receiver, String reason, Instant at) {
        Transfer t = requirePendingTransfer();
        pendingTransfer = null;
        record(at, receiver, AuditAction.TRANSFER_DECLINED, t.toTeam(), team, reason);
    }

    private Transfer requirePendingTransfer() {
        if (pendingTransfer == null) {
            throw new IllegalStateException("complaint " + number + " has no transfer awaiting acceptance");
        }
        return pendingTransfer;
    }

    /** Moves the complaint up the escalation ladder; it never moves down this way. */
    public AuditRecord escalate(EscalationLevel to, Actor actor, String reason, Instant at) {
        if (to.compareTo(escalation) <= 0) {
            throw new IllegalArgumentException("complaint " + number + " is already at " + escalation
                    + "; escalation only goes up");
        }
        EscalationLevel before = escalation;
        escalation = to;
        timeline.add(new Entry.SystemEvent(at, "escalated", "Escalated to " + to.name().toLowerCase() + ": " + reason));
        return record(at, actor, AuditAction.ESCALATE, before.name(), to.name(), reason);
    }

    public void reprioritise(Priority to, Actor actor, String reason, Instant at) {
        Priority before = priority;
        priority = to;
        record(at, actor, AuditAction.PRIORITY, before.name(), to.name(), reason);
    }

    public void recategorise(Category to, Actor actor, String reason, Instant at) {
        Category before = category;
        category = to;
        record(at, actor, AuditAction.CATEGORY, before.code(), to.code(), reason);
    }

    public void rootCause(String cause, Actor actor, Instant at) {
        String before = rootCause;
        rootCause = cause;
        record(at, actor, AuditAction.ROOT_CAUSE, before, cause, "");
    }

    /** Points the complaint at another customer (after a merge). */
    public void reassignCustomer(Customer.Id to, Actor actor, String reason, Instant at) {
        Customer.Id before = customer;
        customer = to;
        record(at, actor, AuditAction.CUSTOMER, before.toString(), to.toString(), reason);
    }

    /**
     * A person's message reached the customer through {@code channel} and met the response clocks; recorded so
     * that the audit trail says when the customer had an answer, not only when it was written.
     */
    public void answered(String channel, Instant at) {
        record(at, Actor.DESK, AuditAction.ANSWERED, "", channel, "a reply reached the customer");
    }

    /** Adds records made by a protocol about this complaint (the abuse protocol's) to its audit trail. */
    public void recordAll(List<AuditRecord> records) {
        audit.addAll(records);
        version++;
    }

    public void addSignals(List<Signal> more, Instant at) {
        signals.addAll(more);
        version++;
    }

    private AuditRecord record(Instant at, Actor actor, AuditAction action, String before, String after, String reason) {
        AuditRecord r = new AuditRecord(at, actor, action, before, after, reason);
        audit.add(r);
        version++;
        return r;
    }

    // ---- reading ------------------------------------------------------------------------------------

    public Number number() {
        return number;
    }

    public Customer.Id customer() {
        return customer;
    }

    public String channel() {
        return channel;
    }

    public String subject() {
        return subject;
    }

    public Category category() {
        return category;
    }

    public Priority priority() {
        return priority;
    }

    public Optional<String> language() {
        return Optional.ofNullable(language);
    }

    public Status status() {
        return status;
    }

    public Set<Status> allowedNext() {
        return Lifecycle.next(status);
    }

    public Optional<String> owner() {
        return Optional.ofNullable(owner);
    }

    public Optional<String> team() {
        return Optional.ofNullable(team);
    }

    public EscalationLevel escalation() {
        return escalation;
    }

    public Optional<Transfer> pendingTransfer() {
        return Optional.ofNullable(pendingTransfer);
    }

    public Optional<String> rootCause() {
        return Optional.ofNullable(rootCause);
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }

    /** Whether the complaint was closed at some point (it may have been reopened since). */
    public boolean wasEverClosed() {
        return closedAt != null || reopenCount > 0;
    }

    public int reopenCount() {
        return reopenCount;
    }

    public List<Signal> signals() {
        return List.copyOf(signals);
    }

    public boolean has(SignalCode code) {
        for (Signal s : signals) {
            if (s.code() == code) {
                return true;
            }
        }
        return false;
    }

    public List<Entry> timeline() {
        return List.copyOf(timeline);
    }

    /** Entries of one type, in order. */
    public <T extends Entry> List<T> entries(Class<T> type) {
        return Entry.only(timeline, type);
    }

    /** Inbound messages and calls from the customer (automated mail left out). */
    public int customerContacts() {
        int n = 0;
        for (Entry e : timeline) {
            if ((e instanceof Entry.CustomerMessage in && !in.automated()) || e instanceof Entry.Call) {
                n++;
            }
        }
        return n;
    }

    public int replies() {
        int n = 0;
        for (Entry e : timeline) {
            if (e instanceof Entry.Reply) {
                n++;
            }
        }
        return n;
    }

    public List<AuditRecord> audit() {
        return List.copyOf(audit);
    }

    public int auditSize() {
        return audit.size();
    }

    public Playbook playbook() {
        return playbook;
    }

    /** Grows with every change; the store uses it for optimistic locking. */
    public long version() {
        return version;
    }

    @Override
    public String toString() {
        return "Complaint " + number + " [" + status + ", " + priority + ", " + category + "] " + subject;
    }
}
