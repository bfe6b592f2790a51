package org.redress.core.report;

/** A share of successes: {@code hits} of {@code total}. */
public record Rate(long hits, long total) {

    public double share() {
        return total == 0 ? 0 : (double) hits / total;
    }

    Rate plus(boolean hit) {
        return new Rate(hits + (hit ? 1 : 0), total + 1);
    }

    @Override
    public String toString() {
        return hits + "/" + total + String.format(" (%.1f%%)", share() * 100);
    }
}
