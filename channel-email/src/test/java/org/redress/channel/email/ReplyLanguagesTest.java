package org.redress.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The trimmer in the European Union's languages and ru, uk, tr, ar, he, zh, ja, ko, vi (#22): reply headers, Outlook
 * header blocks, mobile signatures and forwards as mail clients write them. This is a development set, written with
 * the patterns; the floor holds what it reaches, and the honest figure is the blind set's (kept outside).
 */
class ReplyLanguagesTest {

    /** Cases kept exactly, of all; only goes up. */
    static final double FLOOR = 1.00;

    record Case(String language, String kind, String body, String reply) {
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String[] c : read("/reply-languages.txt")) {
            String[] name = c[0].split(" ");
            cases.add(new Case(name[0], name[1], c[1], c[2].strip()));
        }
        return cases;
    }

    /**
     * The cases of a file of reply cases: each "=== name" line, the body, a "--- reply" line and the reply expected;
     * lines before the first case ("#") say what the file is. Each as {name, body, reply}.
     */
    static List<String[]> read(String resource) throws IOException {
        String all;
        try (InputStream in = ReplyLanguagesTest.class.getResourceAsStream(resource)) {
            all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String[]> cases = new ArrayList<>();
        for (String chunk : all.split("(?m)^=== ")) {
            if (chunk.startsWith("#") || chunk.isBlank()) {
                continue;
            }
            int nameEnd = chunk.indexOf('\n');
            String[] parts = chunk.substring(nameEnd + 1).split("\n--- reply\n", 2);
            cases.add(new String[] {chunk.substring(0, nameEnd), parts[0], parts[1]});
        }
        return cases;
    }

    @Test
    void every_language_keeps_exactly_the_new_text() throws IOException {
        List<Case> cases = cases();
        Map<String, int[]> byLanguage = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            String got = ReplyText.of(c.body());
            int[] tally = byLanguage.computeIfAbsent(c.language(), l -> new int[2]);
            tally[1]++;
            if (got.equals(c.reply())) {
                tally[0]++;
            } else {
                wrong.add(c.language() + " " + c.kind() + ": " + got.replace("\n", "⏎"));
            }
        }
        int kept = byLanguage.values().stream().mapToInt(t -> t[0]).sum();
        byLanguage.forEach((l, t) -> System.out.printf("reply languages %-3s %d/%d%n", l, t[0], t[1]));
        System.out.printf("reply languages all %d/%d (%d languages)%n", kept, cases.size(), byLanguage.size());
        wrong.forEach(w -> System.out.println("  missed " + w));
        assertThat(byLanguage).hasSizeGreaterThanOrEqualTo(30);
        assertThat((double) kept / cases.size()).as(String.join("\n", wrong)).isGreaterThanOrEqualTo(FLOOR);
    }
}
