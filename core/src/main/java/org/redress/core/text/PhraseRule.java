package org.redress.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One rule of one language: phrases (regular-expression fragments on folded text) that show it. In a phrase,
 * {@code {gap}} stands for up to three other words, {@code \w*} for an inflected ending, a space for any
 * whitespace. Lines: {@code phrase = …} (repeatable), {@code negatable = false} when a negation is part of the
 * rule itself ("I don't know"), {@code quoted = true} when the rule should also fire inside quotations.
 */
public final class PhraseRule {

    /** A place the rule fires, in the original text's positions. */
    public record Hit(String evidence, int start, int end) {
    }

    /** A letter or digit in any script; spelled out because UNICODE_CHARACTER_CLASS makes every pattern slower. */
    static final String WORD_CHAR = "[\\p{L}\\p{N}_]";
    private static final String GAP = "(?:[\\p{L}\\p{N}_'’-]+\\s+){0,3}?";

    private final String name;
    private final Pattern pattern;
    private final BoundaryScan scan;
    private final boolean negatable;
    private final boolean quoted;

    private PhraseRule(String name, Pattern pattern, boolean negatable, boolean quoted) {
        this.name = name;
        this.pattern = pattern;
        this.scan = new BoundaryScan(pattern);
        this.negatable = negatable;
        this.quoted = quoted;
    }

    /** The rule from its file, or null when the file has no phrase. */
    public static PhraseRule of(String name, PhraseFile file) {
        List<String> phrases = file.all("phrase");
        if (phrases.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String p : phrases) {
            // " ?" is optional whitespace ("charge ?back"), any other space is some whitespace
            parts.add(FoldedText.fold(p).replace("\\w", WORD_CHAR).replace("{gap}", GAP).replace(" ?", "\\s*")
                    .replace(" ", "\\s+"));
        }
        String regex = "(?<!" + WORD_CHAR + ")(?:" + String.join("|", parts) + ")(?!" + WORD_CHAR + ")";
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("rule '" + name + "' has a phrase that does not compile: " + e.getMessage(), e);
        }
        boolean negatable = !file.all("negatable").contains("false");
        boolean quoted = file.all("quoted").contains("true");
        return new PhraseRule(name, pattern, negatable, quoted);
    }

    public String name() {
        return name;
    }

    /** Every place the rule fires in the text, leaving out negated uses and quotations as the rule says. */
    public List<Hit> find(Analysed text) {
        List<Hit> hits = new ArrayList<>();
        scan.forEach(text.folded().folded(), m -> {
            int s = text.folded().originalStart(m.start());
            int e = text.folded().originalEnd(m.end());
            if ((!quoted && text.quoted(s)) || (negatable && text.negatedBefore(m.start()))) {
                return;
            }
            hits.add(new Hit(text.original().substring(s, e), s, e));
        });
        return hits;
    }
}
