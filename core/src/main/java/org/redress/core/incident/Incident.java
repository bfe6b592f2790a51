package org.redress.core.incident;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.redress.core.complaint.Category;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.Entry;
import org.redress.core.staff.Actor;
import org.redress.core.text.FoldedText;
import org.redress.core.text.KeyTerms;

/**
 * A known problem behind many complaints (an outage, a failed delivery run). Matching complaints link to it
 * and are acknowledged with its ETA; resolving it sends one message to every linked complaint.
 */
public final class Incident {

    /** An incident's number at the desk. */
    public record Id(long value) {
        @Override
        public String toString() {
            return "INC-" + value;
        }
    }

    /** Where an incident stands. */
    public enum State { OPEN, RESOLVED }

    /** A message the desk owes one linked complaint's customer. */
    public record Notice(Complaint.Number complaint, String text) {
    }

    private final Id id;
    private final String title;
    private final Category category;
    private final String area;
    private Instant eta;
    private final Instant declaredAt;
    private final Actor declaredBy;
    private State state = State.OPEN;
    private Instant resolvedAt;
    private String resolution;
    private final Set<Complaint.Number> linked = new LinkedHashSet<>();
    private final Set<String> terms;

    public Incident(Id id, String title, Category category, String area, Instant eta, Actor declaredBy,
                    Instant declaredAt) {
        this.id = Objects.requireNonNull(id, "id");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("an incident needs a title customers can understand");
        }
        this.title = title.strip();
        this.category = Objects.requireNonNull(category, "category");
        this.area = area == null ? "" : area.strip();
        this.eta = Objects.requireNonNull(eta, "eta");
        this.declaredBy = Objects.requireNonNull(declaredBy, "declaredBy");
        this.declaredAt = Objects.requireNonNull(declaredAt, "declaredAt");
        this.terms = KeyTerms.of(this.title + " " + this.area);
    }

    /** A stored incident, as it was saved. */
    public static Incident restore(Id id, String title, Category category, String area, Instant eta, Actor declaredBy,
                                   Instant declaredAt, State state, Instant resolvedAt, String resolution,
                                   Set<Complaint.Number> linked) {
        Incident i = new Incident(id, title, category, area, eta, declaredBy, declaredAt);
        i.state = Objects.requireNonNull(state, "state");
        i.resolvedAt = resolvedAt;
        i.resolution = resolution;
        i.linked.addAll(linked);
        return i;
    }

    /**
     * Whether a complaint is about this incident: same category, and it names the affected area or shares at
     * least two key terms with the incident's title.
     */
    public boolean matches(Complaint complaint, String text) {
        if (state != State.OPEN || !complaint.category().equals(category)) {
            return false;
        }
        String folded = FoldedText.fold(complaint.subject() + " " + text);
        if (!area.isEmpty() && folded.contains(FoldedText.fold(area))) {
            return true;
        }
        return KeyTerms.shared(terms, KeyTerms.of(complaint.subject() + " " + text)) >= 2;
    }

    /**
     * Links a complaint and notes it on its timeline.
     *
     * @return the acknowledgement to send the customer, with the incident's ETA
     */
    public Notice link(Complaint complaint, ZoneId zone, Instant at) {
        if (state != State.OPEN) {
            throw new IllegalStateException("incident " + id + " is resolved; declare a new one");
        }
        linked.add(complaint.number());
        String when = DateTimeFormatter.ofPattern("d MMM HH:mm").withZone(zone).format(eta);
        complaint.append(new Entry.SystemEvent(at, "incident-linked", "Linked to incident " + id + ": " + title
                + "; expected fix by " + when));
        return new Notice(complaint.number(), "We know about this problem (" + title + ") and are working on it. "
                + "We expect it to be fixed by " + when + ", and we will write to you as soon as it is.");
    }

    /** A new ETA for every linked complaint. */
    public void reviseEta(Instant newEta) {
        this.eta = Objects.requireNonNull(newEta, "newEta");
    }

    /**
     * Resolves the incident: every linked complaint gets the same message, as a reply on its timeline.
     *
     * @param complaints finds a linked complaint by number
     * @return the notices to deliver, one per linked complaint
     */
    public List<Notice> resolve(String message, Actor by, Instant at,
                                Function<Complaint.Number, Optional<Complaint>> complaints) {
        if (state != State.OPEN) {
            throw new IllegalStateException("incident " + id + " is already resolved");
        }
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("resolving an incident needs the message its customers will get");
        }
        state = State.RESOLVED;
        resolvedAt = at;
        resolution = message.strip();
        List<Notice> notices = new ArrayList<>();
        for (Complaint.Number n : linked) {
            complaints.apply(n).ifPresent(c -> notices.add(tellResolved(c, by, at)));
        }
        return notices;
    }

    /**
     * Puts the resolution on one linked complaint's timeline, as a reply, and returns its notice: what
     * {@link #resolve} does for every linked complaint, for a store that changes each complaint on its own.
     */
    public Notice tellResolved(Complaint c, Actor by, Instant at) {
        if (state != State.RESOLVED) {
            throw new IllegalStateException("incident " + id + " is not resolved yet");
        }
        c.append(new Entry.Reply(at, by, resolution, Optional.empty()));
        c.append(new Entry.SystemEvent(at, "incident-resolved", "Incident " + id + " resolved"));
        return new Notice(c.number(), resolution);
    }

    public Id id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Category category() {
        return category;
    }

    public String area() {
        return area;
    }

    public Instant eta() {
        return eta;
    }

    public Instant declaredAt() {
        return declaredAt;
    }

    public Actor declaredBy() {
        return declaredBy;
    }

    public State state() {
        return state;
    }

    public Optional<Instant> resolvedAt() {
        return Optional.ofNullable(resolvedAt);
    }

    public Optional<String> resolution() {
        return Optional.ofNullable(resolution);
    }

    public Set<Complaint.Number> linked() {
        return Set.copyOf(linked);
    }
}
