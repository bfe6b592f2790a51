package org.redress.core.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.redress.core.complaint.Category;
import org.redress.core.complaint.Complaint;
import org.redress.core.text.KeyTerms;

/**
 * Proposes an incident when K similar complaints arrive within T: same category, and a shared area or at
 * least two shared key terms. Each complaint is proposed at most once, so one flood gives one proposal (and
 * later arrivals of the flood are for the declared incident's matcher).
 */
public final class BurstDetector {

    /** A complaint as it arrives. */
    public record Arrival(Complaint.Number complaint, Category category, String area, String text, Instant at) {
    }

    /** What the detector suggests a supervisor declares. */
    public record Proposal(Category category, Set<String> sharedTerms, String area, List<Complaint.Number> complaints,
                           Instant firstAt, Instant lastAt) {
    }

    private record Seen(Arrival arrival, Set<String> terms) {
    }

    private final int k;
    private final Duration window;
    private final Deque<Seen> recent = new ArrayDeque<>();
    private final Set<Complaint.Number> proposed = new HashSet<>();

    public BurstDetector(int k, Duration window) {
        if (k < 2) {
            throw new IllegalArgumentException("a burst needs at least 2 complaints, got " + k);
        }
        this.k = k;
        this.window = window;
    }

    public Optional<Proposal> observe(Arrival arrival) {
        while (!recent.isEmpty() && recent.peekFirst().arrival().at().isBefore(arrival.at().minus(window))) {
            recent.removeFirst();
        }
        Seen now = new Seen(arrival, KeyTerms.of(arrival.text()));
        List<Seen> similar = new ArrayList<>();
        for (Seen s : recent) {
            if (!proposed.contains(s.arrival().complaint()) && similar(s, now)) {
                similar.add(s);
            }
        }
        recent.addLast(now);
        if (similar.size() + 1 < k) {
            return Optional.empty();
        }
        similar.add(now);
        Set<String> shared = new LinkedHashSet<>(now.terms());
        for (Seen s : similar) {
            Set<String> withThis = new LinkedHashSet<>(shared);
            withThis.retainAll(s.terms());
            if (!withThis.isEmpty()) {
                shared = withThis;
            }
        }
        List<Complaint.Number> numbers = similar.stream().map(s -> s.arrival().complaint()).toList();
        proposed.addAll(numbers);
        return Optional.of(new Proposal(arrival.category(), shared, arrival.area(), numbers,
                similar.get(0).arrival().at(), arrival.at()));
    }

    private static boolean similar(Seen a, Seen b) {
        if (!a.arrival().category().equals(b.arrival().category())) {
            return false;
        }
        String areaA = a.arrival().area();
        if (areaA != null && !areaA.isBlank() && areaA.equalsIgnoreCase(b.arrival().area())) {
            return true;
        }
        return KeyTerms.shared(a.terms(), b.terms()) >= 2;
    }
}
