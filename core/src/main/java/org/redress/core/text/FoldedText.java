package org.redress.core.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Text folded for matching: lower case, diacritics removed (so {@code ș}, {@code ş} and {@code s} match, and
 * Vietnamese typed with or without tones), {@code ё}→{@code е}, {@code đ}→{@code d}, a letter repeated three times or
 * more counted once; with a map back to the
 * original positions, so that evidence spans point into the text the person wrote.
 */
public final class FoldedText {

    private final String original;
    private final String folded;
    private final int[] originalIndex;

    private FoldedText(String original, String folded, int[] originalIndex) {
        this.original = original;
        this.folded = folded;
        this.originalIndex = originalIndex;
    }

    public static FoldedText of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int[] map = new int[text.length() + 1];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String piece;
            if (c < 0x80) {
                piece = String.valueOf(Character.toLowerCase(c));
            } else {
                piece = fold(c);
            }
            for (int k = 0; k < piece.length(); k++) {
                if (n == map.length - 1) {
                    map = java.util.Arrays.copyOf(map, map.length * 2);
                }
                out.append(piece.charAt(k));
                map[n++] = i;
            }
        }
        map[n] = text.length();
        return collapseRuns(text, out, map, n);
    }

    /**
     * A letter typed three times or more in a row counts once ("sooo sorry", "calm dowwwn", "нееет"): no word of the
     * desk's languages has a letter three times running, so this only undoes emphasis and stuck keys.
     */
    private static FoldedText collapseRuns(String text, StringBuilder out, int[] map, int n) {
        StringBuilder kept = new StringBuilder(n);
        int[] keptMap = new int[n + 1];
        int k = 0;
        for (int i = 0; i < n; ) {
            char c = out.charAt(i);
            int run = 1;
            while (i + run < n && out.charAt(i + run) == c) {
                run++;
            }
            int take = Character.isLetter(c) && run >= 3 ? 1 : run;
            for (int j = 0; j < take; j++) {
                kept.append(c);
                keptMap[k++] = map[i + j];
            }
            i += run;
        }
        keptMap[k] = text.length();
        return new FoldedText(text, kept.toString(), java.util.Arrays.copyOf(keptMap, k + 1));
    }

    /** Folds a pattern or phrase the same way as text, without keeping positions. */
    public static String fold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c < 0x80 ? String.valueOf(Character.toLowerCase(c)) : fold(c));
        }
        return out.toString();
    }

    private static String fold(char c) {
        switch (c) {
            case 'đ', 'Đ':
                return "d";
            case 'ё', 'Ё':
                return "е";
            case '\u2019', '\u2018', '\u02bc':
                return "'";
            case '\u00a0':
                return " ";
            case 'ß':
                return "ss";
            default:
                break;
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(decomposed.length());
        for (int k = 0; k < decomposed.length(); k++) {
            char d = decomposed.charAt(k);
            if (Character.getType(d) != Character.NON_SPACING_MARK) {
                b.append(d);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    public String original() {
        return original;
    }

    public String folded() {
        return folded;
    }

    /** The position in the original text of a position in the folded text. */
    public int originalStart(int foldedIndex) {
        return originalIndex[foldedIndex];
    }

    /** The end (exclusive) in the original text of a folded span ending at {@code foldedEnd}. */
    public int originalEnd(int foldedEnd) {
        return foldedEnd == 0 ? 0 : originalIndex[foldedEnd - 1] + 1;
    }
}
