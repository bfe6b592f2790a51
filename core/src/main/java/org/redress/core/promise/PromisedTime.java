package org.redress.core.promise;

import java.time.Instant;
import java.util.Objects;

/**
 * A time a text commits to, found by the {@link PromiseExtractor}.
 *
 * @param sentence the sentence that makes the promise
 * @param phrase   the words that name the time
 * @param start    where the phrase starts in the text
 * @param end      where it ends, exclusive
 * @param due      when the promise falls due
 */
public record PromisedTime(String sentence, String phrase, int start, int end, Instant due) {
    public PromisedTime {
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(phrase, "phrase");
        Objects.requireNonNull(due, "due");
    }
}
