package org.redress.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One rule of one language: phrases (regular-expression fragments on folded text) that show it. In a phrase,
 * {@code {gap}} stands for up to three other words, {@code \w*} for an inflected ending, a space for any
 * whitespace. Lines: {@code phrase = …} (repeatable), {@code negatable = false} when a negation is part of the
 * rule itself ("I don't know"), {@code quoted = true} when the rule should also fire inside quotations.
 *
 * <p>A rule may also be described by its parts instead of whole phrases: {@code part.<name> = …} lines (each
 * repeatable) give the words of each part, and the rule fires where every part is found in one clause (between
 * sentence marks), in the order of the file unless {@code ordered = false}, none of them negated, and in an ordered
 * rule the first not right after a word of asking someone to act ("I asked the courier to …"). So
 * BLAMES_COLLEAGUES is {@code part.party} (a courier, another team, the agent before) then {@code part.failing} (lost,
 * forgot, got it wrong): "the courier lost your parcel" fires without any phrase listing it whole.
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
    /** The parts of the rule, in order; empty when the rule is phrases only. */
    private final List<Pattern> parts;
    private final boolean ordered;

    private PhraseRule(String name, Pattern pattern, boolean negatable, boolean quoted, List<Pattern> parts, boolean ordered) {
        this.name = name;
        this.pattern = pattern;
        this.scan = pattern == null ? null : new BoundaryScan(pattern);
        this.negatable = negatable;
        this.quoted = quoted;
        this.parts = List.copyOf(parts);
        this.ordered = ordered;
    }

    /** One regular expression matching any of the phrases, whole words only. */
    private static Pattern compile(String name, List<String> phrases) {
        List<String> alternatives = new ArrayList<>();
        for (String p : phrases) {
            // " ?" is optional whitespace ("charge ?back"), any other space is some whitespace
            alternatives.add(FoldedText.fold(p).replace("\\w", WORD_CHAR).replace("{gap}", GAP).replace(" ?", "\\s*")
                    .replace(" ", "\\s+"));
        }
        String regex = "(?<!" + WORD_CHAR + ")(?:" + String.join("|", alternatives) + ")(?!" + WORD_CHAR + ")";
        try {
            return Pattern.compile(regex);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("rule '" + name + "' has a phrase that does not compile: " + e.getMessage(), e);
        }
    }

    /** The rule from its file, or null when the file has no phrase. */
    public static PhraseRule of(String name, PhraseFile file) {
        List<String> phrases = file.all("phrase");
        List<Pattern> parts = new ArrayList<>();
        for (String key : file.keys("part.")) {
            parts.add(compile(name + " " + key, file.all(key)));
        }
        if (phrases.isEmpty() && parts.isEmpty()) {
            return null;
        }
        if (parts.size() == 1) {
            throw new IllegalArgumentException("rule '" + name + "' has one part; a rule by parts needs two or more");
        }
        boolean negatable = !file.all("negatable").contains("false");
        boolean quoted = file.all("quoted").contains("true");
        boolean ordered = !file.all("ordered").contains("false");
        return new PhraseRule(name, phrases.isEmpty() ? null : compile(name, phrases), negatable, quoted, parts, ordered);
    }

    public String name() {
        return name;
    }

    /** Every place the rule fires in the text, leaving out negated uses and quotations as the rule says. */
    public List<Hit> find(Analysed text) {
        List<Hit> hits = new ArrayList<>();
        if (scan != null) {
            scan.forEach(text.folded().folded(), m -> {
                int s = text.folded().originalStart(m.start());
                int e = text.folded().originalEnd(m.end());
                if ((!quoted && text.quoted(s)) || (negatable && text.negatedBefore(m.start())) || text.unsaid(m.start())) {
                    return;
                }
                hits.add(new Hit(text.original().substring(s, e), s, e));
            });
        }
        if (!parts.isEmpty()) {
            findParts(text, hits);
        }
        return hits;
    }

    /** Clause marks: a rule by parts fires only where all its parts stand between two of them. */
    private static final Pattern CLAUSE = Pattern.compile("[^.!?;\\n]+");

    /** Adds a hit for every clause that holds every part, each found where it is neither negated nor quoted. */
    private void findParts(Analysed text, List<Hit> hits) {
        String folded = text.folded().folded();
        java.util.regex.Matcher clause = CLAUSE.matcher(folded);
        while (clause.find()) {
            int from = clause.start();
            int start = -1;
            int end = -1;
            boolean all = true;
            for (int p = 0; p < parts.size(); p++) {
                java.util.regex.Matcher m = parts.get(p).matcher(folded).region(ordered && end >= 0 ? end : from, clause.end());
                boolean found = false;
                while (m.find()) {
                    int s = text.folded().originalStart(m.start());
                    if ((!quoted && text.quoted(s)) || text.negatedBefore(m.start()) || text.unsaid(m.start())
                            || (p == 0 && ordered && text.addressedBefore(m.start()))) {
                        continue;
                    }
                    start = start < 0 ? m.start() : Math.min(start, m.start());
                    end = Math.max(end, m.end());
                    found = true;
                    break;
                }
                if (!found) {
                    all = false;
                    break;
                }
            }
            if (all) {
                int s = text.folded().originalStart(start);
                int e = text.folded().originalEnd(end);
                if (hits.stream().noneMatch(h -> h.start() < e && s < h.end())) { // a phrase found it already
                    hits.add(new Hit(text.original().substring(s, e), s, e));
                }
            }
        }
    }
}
