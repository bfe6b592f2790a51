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
    /** Folded spans the writer says they will not say ("I won't tell you it's their fault"): not their words. */
    private final List<int[]> unsaid = new ArrayList<>();
    private final Pattern addressed;

    public Analysed(String text, Pattern negation) {
        this(text, negation, null);
    }

    /**
     * @param unsaid the language's ways of refusing to say something ("I won't say", "не буду говорить"): what
     *               follows one, to the end of its clause, is what the writer declines to say, so no rule fires there
     */
    public Analysed(String text, Pattern negation, Pattern unsaid) {
        this(text, negation, unsaid, null);
    }

    /**
     * @param unsaid    as above
     * @param addressed the language's words for asking someone to act ("asked", "am rugat", "nhờ"): a party named
     *                  right after one is who the writer turned to, not who failed
     */
    public Analysed(String text, Pattern negation, Pattern unsaid, Pattern addressed) {
        this.folded = FoldedText.of(text);
        this.negation = negation;
        this.addressed = addressed;
        if (unsaid != null) {
            String f = folded.folded();
            Matcher u = unsaid.matcher(f);
            while (u.find()) {
                int end = u.end();
                while (end < f.length() && ".:;!?\n".indexOf(f.charAt(end)) < 0) {
                    end++;
                }
                this.unsaid.add(new int[] {u.start(), end});
            }
        }
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

    /** Whether a folded position lies in what the writer declines to say ("I won't say it was their fault"). */
    public boolean unsaid(int foldedPosition) {
        return within(unsaid, foldedPosition);
    }

    /** Whether one of the two words before a folded position asks someone to act ("I asked the courier to …"). */
    public boolean addressedBefore(int foldedPosition) {
        return addressed != null && wordsBefore(foldedPosition, 2, addressed);
    }

    /** Whether an original position lies inside a quotation. */
    public boolean quoted(int position) {
        return within(quotations, position);
    }

    private static boolean within(List<int[]> spans, int position) {
        for (int[] s : spans) {
            if (position >= s[0] && position < s[1]) {
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
        return wordsBefore(foldedPosition, 3, negation);
    }

    /** Whether one of the {@code n} words before a folded position, in its clause, is one {@code words} matches. */
    private boolean wordsBefore(int foldedPosition, int n, Pattern words) {
        String f = folded.folded();
        int from = foldedPosition;
        while (from > 0 && ".,;:!?\n()".indexOf(f.charAt(from - 1)) < 0 && foldedPosition - from < 60) {
            from--;
        }
        List<String> found = new ArrayList<>();
        Matcher w = WORD.matcher(f.substring(from, foldedPosition));
        while (w.find()) {
            found.add(w.group());
        }
        for (int i = Math.max(0, found.size() - n); i < found.size(); i++) {
            if (words.matcher(found.get(i)).matches()) {
                return true;
            }
        }
        return false;
    }
}
