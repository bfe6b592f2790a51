package org.redress.core.triage;

import java.util.Objects;

/**
 * A triage finding with the text that shows it.
 *
 * @param code     what was found
 * @param evidence the words that show it
 * @param start    where the evidence starts in the text (UTF-16 index)
 * @param end      where it ends, exclusive
 */
public record Signal(SignalCode code, String evidence, int start, int end) {
    public Signal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(evidence, "evidence");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    /** A signal not tied to words of the text (a repeat found from the customer's history, say). */
    public static Signal of(SignalCode code, String why) {
        return new Signal(code, why, 0, 0);
    }
}
