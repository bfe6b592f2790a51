package org.redress.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The trimmer measured on a blind set (#22): another project's reply fixtures in nine languages
 * ({@code reply-blind.txt}), the expected replies written before the trimmer ran on them. Unlike
 * {@link ReplyLanguagesTest} (a development set written with the patterns), nothing was tuned on these: the rate
 * printed is the honest figure, and the floor holds it. Compared are the visible texts with trailing spaces and runs
 * of blank lines made one, as a reader sees them.
 */
class BlindReplyTest {

    /** Cases kept exactly, of all; only goes up, and only by fixes made on the development set. */
    static final double FLOOR = 0.93;

    record Case(String source, String language, String kind, String body, String reply) {
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String[] c : ReplyLanguagesTest.read("/reply-blind.txt")) {
            String[] name = c[0].split(" ");
            cases.add(new Case(name[0], name[1], name[2], c[1], c[2]));
        }
        return cases;
    }

    static String visible(String text) {
        return text.replaceAll("(?m)[ \\t\\u00a0]+$", "").replaceAll("\n{3,}", "\n\n").strip();
    }

    @Test
    void the_blind_set_keeps_exactly_the_new_text() throws IOException {
        List<Case> cases = cases();
        Map<String, int[]> byLanguage = new TreeMap<>();
        List<String> missed = new ArrayList<>();
        for (Case c : cases) {
            String got = visible(ReplyText.of(c.body()));
            int[] tally = byLanguage.computeIfAbsent(c.language(), l -> new int[2]);
            tally[1]++;
            if (got.equals(visible(c.reply()))) {
                tally[0]++;
            } else {
                missed.add("MISS " + c.source() + " " + c.language() + " " + c.kind() + "\n  expected: "
                        + visible(c.reply()).replace("\n", "⏎") + "\n  actual:   " + got.replace("\n", "⏎"));
            }
        }
        missed.forEach(System.out::println);
        int kept = byLanguage.values().stream().mapToInt(t -> t[0]).sum();
        byLanguage.forEach((language, t) -> System.out.printf("blind reply set %s: %d/%d%n", language, t[0], t[1]));
        double rate = (double) kept / cases.size();
        System.out.printf("blind reply set: %d/%d exact (%.2f), floor %.2f%n", kept, cases.size(), rate, FLOOR);
        assertThat(cases).hasSize(30);
        assertThat(rate).as("blind reply set exact").isGreaterThanOrEqualTo(FLOOR);
    }
}
