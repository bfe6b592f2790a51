package org.redress.core.text;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a text that say what it is about: folded, four letters or more, common words left out. Two
 * complaints that share key terms are likely about the same thing.
 */
public final class KeyTerms {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{4,}");
    private static final Set<String> COMMON = Set.of(
            // en
            "this", "that", "with", "have", "from", "your", "they", "been", "what", "when", "will", "would", "there",
            "their", "about", "which", "again", "still", "please", "thanks", "hello", "dear", "regards", "since",
            "just", "very", "also", "some", "into", "than", "then", "them", "were", "does", "dont", "cant", "could",
            "should", "today", "yesterday", "because", "after", "before", "more", "only", "even", "here",
            // ro
            "pentru", "este", "sunt", "care", "acest", "aceasta", "dupa", "inca", "foarte", "buna", "multumesc",
            // ru (folded)
            "этот", "когда", "после", "меня", "очень", "было", "пожалуиста", "здравствуите", "спасибо", "уже", "снова",
            // et
            "see", "mis", "kui", "olen", "ning", "aga", "veel", "tere", "aitah",
            // vi
            "khong", "dich", "nhung", "duoc", "cua", "toi");

    private KeyTerms() {
    }

    public static Set<String> of(String text) {
        Set<String> terms = new LinkedHashSet<>();
        Matcher m = WORD.matcher(FoldedText.fold(text));
        while (m.find()) {
            String w = m.group();
            if (!COMMON.contains(w)) {
                terms.add(w);
            }
        }
        return terms;
    }

    /** How many terms two sets share. */
    public static int shared(Set<String> a, Set<String> b) {
        int n = 0;
        for (String t : a) {
            if (b.contains(t)) {
                n++;
            }
        }
        return n;
    }
}
