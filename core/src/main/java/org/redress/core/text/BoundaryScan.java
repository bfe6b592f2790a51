package org.redress.core.text;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the matches of a phrase pattern that start at a word boundary, trying the pattern only where a match
 * can begin. Whether one can begin with a character is decided once per character by matching the pattern
 * against that character alone (a match, or running out of input, means it can); this spares trying every
 * alternative of a large pattern at every word, which is most of the cost of phrase matching.
 */
public final class BoundaryScan {

    private final Pattern pattern;
    /** Per character (below 0x800): 0 unknown, 1 a match can start with it, 2 it cannot. */
    private final byte[] starts = new byte[0x800];

    public BoundaryScan(Pattern pattern) {
        this.pattern = pattern;
    }

    public Pattern pattern() {
        return pattern;
    }

    private boolean canStart(char c) {
        if (c >= starts.length) {
            return true;
        }
        byte known = starts[c];
        if (known == 0) {
            Matcher probe = pattern.matcher(String.valueOf(c));
            boolean can = probe.lookingAt() || probe.hitEnd();
            starts[c] = (byte) (can ? 1 : 2);
            return can;
        }
        return known == 1;
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Calls {@code onMatch} with the matcher on each match, in order, without overlaps. */
    public void forEach(String text, Consumer<Matcher> onMatch) {
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int i = 0;
        while (i < text.length()) {
            if ((i > 0 && wordChar(text.charAt(i - 1))) || !canStart(text.charAt(i))) {
                i++;
                continue;
            }
            m.region(i, text.length());
            if (!m.lookingAt()) {
                i++;
                continue;
            }
            int end = m.end();
            onMatch.accept(m);
            i = Math.max(end, i + 1);
        }
    }
}
