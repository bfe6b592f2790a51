package org.redress.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The trimmer's patterns over line classes cost time linear in the number of lines, whatever the shape of the mail,
 * and find what the backtracking patterns they replaced found. Costs are counted in characters read, not timed.
 */
class ReplyTextCostTest {

    /** The patterns as they were written for java.util.regex, and the RE2/J ones the trimmer uses now. */
    static final Map<String, com.google.re2j.Pattern> NOW = Map.of(
            "e*b[eqbh]*q[eq]*(t[te]*)", ReplyText.BOTTOM_POSTED,
            "te*b[^q]*$", ReplyText.CUT_EMBEDDED_NO_QUOTE,
            "te*b[eqbh]*[te]*$", ReplyText.CUT_EMBEDDED_THEN_QUOTE,
            "h+[hte]+h+e", ReplyText.MULTILINE_HEADER,
            "t[eq]*h{3,}", ReplyText.HEADER_BLOCK,
            "te*hh", ReplyText.HEADER_PAIR_AFTER_TEXT,
            "[eq]+$", ReplyText.TRAILING_QUOTE);

    /** A line-class string that counts how many characters the matcher read. */
    static final class Counting implements CharSequence {
        private final String s;
        long reads;

        Counting(String s) {
            this.s = s;
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public char charAt(int index) {
            reads++;
            return s.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return s.subSequence(start, end);
        }

        @Override
        public String toString() {
            return s;
        }
    }

    @Test
    void every_pattern_finds_what_the_backtracking_one_found_on_every_mail_shape_up_to_seven_lines() {
        char[] classes = {'e', 'b', 'h', 'q', 't'};
        for (Map.Entry<String, com.google.re2j.Pattern> p : NOW.entrySet()) {
            java.util.regex.Pattern before = java.util.regex.Pattern.compile(p.getKey());
            for (int length = 0; length <= 7; length++) {
                int[] digits = new int[length];
                for (long n = 0; n < Math.pow(classes.length, length); n++) {
                    StringBuilder shape = new StringBuilder();
                    long rest = n;
                    for (int i = 0; i < length; i++) {
                        shape.append(classes[(int) (rest % classes.length)]);
                        rest /= classes.length;
                    }
                    String s = shape.toString();
                    java.util.regex.Matcher old = before.matcher(s);
                    com.google.re2j.Matcher now = p.getValue().matcher(s);
                    boolean found = p.getKey().startsWith("e*b") ? old.matches() : old.find();
                    boolean foundNow = p.getKey().startsWith("e*b") ? now.matches() : now.find();
                    assertThat(foundNow).as(p.getKey() + " on " + s).isEqualTo(found);
                    if (found) {
                        assertThat(now.start()).as(p.getKey() + " start on " + s).isEqualTo(old.start());
                        assertThat(now.end()).as(p.getKey() + " end on " + s).isEqualTo(old.end());
                        if (old.groupCount() > 0) {
                            assertThat(now.start(1)).as(p.getKey() + " group on " + s).isEqualTo(old.start(1));
                        }
                    }
                }
            }
        }
    }

    @Test
    void the_shapes_that_made_backtracking_run_away_cost_a_linear_number_of_reads() {
        List<String> shapes = List.of("h", "he", "hht", "tb", "tbe", "t", "e", "eq", "te", "bq", "hte");
        for (Map.Entry<String, com.google.re2j.Pattern> p : NOW.entrySet()) {
            for (String unit : shapes) {
                long small = reads(p.getValue(), unit.repeat(500) + "t");
                long large = reads(p.getValue(), unit.repeat(4_000) + "t");
                // eight times the lines: linear costs about eight times the reads, quadratic 64, cubic 512
                assertThat(large).as(p.getKey() + " over (" + unit + ")^n").isLessThanOrEqualTo(12 * Math.max(small, 1));
            }
        }
    }

    private static long reads(com.google.re2j.Pattern p, String shape) {
        Counting s = new Counting(shape);
        com.google.re2j.Matcher m = p.matcher(s);
        if (!m.find()) {
            m.matches();
        }
        return s.reads;
    }

    /**
     * Every hostile shape of #22 (the benchmark's), at one size and at eight times it: the characters given to the
     * per-line patterns grow about eight times, never with the square. Counted without a clock (no budget).
     */
    @Test
    void the_per_line_patterns_do_work_linear_in_the_body_on_every_hostile_shape() {
        Map<String, String> small = TrimBenchmark.shapes(6_000);
        Map<String, String> large = TrimBenchmark.shapes(48_000);
        for (String shape : small.keySet()) {
            long smallWork = patternWork(small.get(shape));
            long largeWork = patternWork(large.get(shape));
            long ratio = (long) Math.ceil((double) large.get(shape).length() / small.get(shape).length());
            assertThat(largeWork).as(shape + ": " + smallWork + " then " + largeWork)
                    .isLessThanOrEqualTo(Math.max(1, (ratio + ratio / 2) * Math.max(smallWork, 400)));
        }
    }

    private static long patternWork(String body) {
        return ReplyText.workOf(body);
    }

    @Test
    void a_body_past_the_line_cap_or_the_budget_is_kept_whole_and_says_why() {
        String lines = "> quoted\n".repeat(ReplyText.MAX_LINES + 1);
        assertThatThrownBy(() -> ReplyText.of("My line is down.\n" + lines)).isInstanceOf(ReplyText.OutOfTime.class)
                .hasMessageContaining("more than 40000 lines");
        String wrote = "On Mon, 3 Jun 2024 at 10:00, Ann <ann@example.com> wrote:\n".repeat(10_000);
        assertThatThrownBy(() -> ReplyText.of("My line is down.\n" + wrote)).isInstanceOf(ReplyText.OutOfTime.class)
                .hasMessageContaining("the whole text is kept"); // by the work budget, or in a cold JVM by the backstop
    }

    @Test
    void a_complaint_with_a_pasted_800_line_statement_keeps_its_text() {
        StringBuilder body = new StringBuilder("Bună ziua, banca mi-a retras de două ori suma de 250 lei. Extrasul este mai jos.\n\n");
        for (int i = 0; i < 800; i++) {
            body.append(i % 3 == 0 ? "Data: 2026-11-" : i % 3 == 1 ? "De: cont " : "From: op ").append(i).append(" suma 250 lei\n");
        }
        // guards against a hang only; the cost itself is counted above
        String reply = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> ReplyText.of(body.toString()));
        assertThat(reply).startsWith("Bună ziua, banca mi-a retras de două ori");
    }
}
