package org.redress.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text prepared once for every rule that reads it: folded, with its quotations (quote marks, or lines
 * starting with {@code >}) and the language's negation words known.
 */
public final class Analysed {

    private static final Pattern QUOTES = Pattern.compile("\"[^\"\\n]{1,400}\"|“[^”\\n]{1,400}”|„[^“”\\n]{1,400}[“”]"
            + "|«[^»\\n]{1,400}»|(?m)^\\s*>.*$");
    private static final Pattern WORD = Pattern.compile("[\\w'’-]+", Pattern.UNICODE_CHARACTER_CLASS);

    private final FoldedText folded;
    private final List<int[]> quotations = new ArrayList<>();
    private final Pattern negation;

    public Analysed(String text, Pattern negation) {
        this.folded = FoldedText.of(text);
        this.negation = negation;
        Matcher q = QUOTES.matcher(text);
        while (q.find()) {
            quotations.add(new int[] {q.start(), q.end()});
        }
    }

    public String original() {
        return folded.original();
    }

    public FoldedText folded() {
        return folded;
    }

    /** Whether an original position lies inside a quotation. */
    public boolean quoted(int position) {
        for (int[] q : quotations) {
            if (position >= q[0] && position < q[1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether one of the three words before a folded position, in the same clause, negates it
     * ("I will not cancel", "nu vreau să reziliez", "не буду отменять").
     */
    public boolean negatedBefore(int foldedPosition) {
        if (negation == null) {
            return false;
        }
        String f = folded.folded();
        int from = foldedPosition;
        while (from > 0 && ".,;:!?\n()".indexOf(f.charAt(from - 1)) < 0 && foldedPosition - from < 60) {
            from--;
        }
        List<String> words = new ArrayList<>();
        Matcher w = WORD.matcher(f.substring(from, foldedPosition));
        while (w.find()) {
            words.add(w.group());
        }
        for (int i = Math.max(0, words.size() - 3); i < words.size(); i++) {
            if (negation.matcher(words.get(i)).matches()) {
                return true;
            }
        }
        return false;
    }
}
