package org.redress.channel.email;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reply trimmer on hostile bodies of up to 1 MB, run by hand (see README), never in the test suite: each shape
 * trimmed round after round in one warm JVM; prints the slowest of the last rounds per shape, which #22 wants under
 * 50 ms. The work counters that keep it linear are asserted in {@code ReplyTextCostTest}.
 */
public final class TrimBenchmark {

    private TrimBenchmark() {
    }

    /** The shapes a stranger can send to tie up intake, each about {@code bytes} long. */
    static Map<String, String> shapes(int bytes) {
        Map<String, String> shapes = new LinkedHashMap<>();
        shapes.put("3,000 lines starting \"On \", no \"wrote:\"", repeat("On Monday the line was down again and again\n", 3_000));
        shapes.put("short lines", repeat("ok then\n", bytes / 8));
        shapes.put("one long line", "x".repeat(bytes / 2));
        shapes.put("\">\" lines", repeat(">\n", bytes / 2));
        shapes.put("quoted text", repeat("> the line was down, wrote the customer\n", bytes / 40));
        shapes.put("From/Sent/To blocks", repeat("From: Ann <ann@example.com>\nSent: Monday, 3 June 2024 10:00\nTo: desk@example.com\n\n", 5_000));
        shapes.put("\"wrote:\" lines", repeat("On Mon, 3 Jun 2024 at 10:00, Ann <ann@example.com> wrote:\n", bytes / 60));
        shapes.put("nested quotes", nested(bytes));
        shapes.put("dashes", repeat("-- \n", bytes / 4));
        shapes.put("one line of dashes and words", repeat("-- Original Message ", bytes / 20));
        shapes.put("wrapped On-lines", repeat("On Mon, 3 Jun 2024 at 10:00, Ann\n<ann@example.com\n", bytes / 50));
        shapes.put("markdown links", repeat("[a](b)", bytes / 6));
        shapes.put("colons", repeat("Subject: a: b: c: d: e: f: g: h: i: j: 1 2 3\n", bytes / 45));
        // just under the line cap, where the whole body is classified
        int under = ReplyText.MAX_LINES - 1;
        shapes.put("39,999 short lines", repeat("ok then\n", under));
        shapes.put("39,999 \">\" lines", repeat(">\n", under));
        shapes.put("a 1 MB quoted thread", thread(bytes / 80));
        return shapes;
    }

    /** A long thread as clients quote it: headers, text, deeper quotes, each line a little different. */
    private static String thread(int lines) {
        StringBuilder b = new StringBuilder("Thanks, that works now.\n\n");
        for (int i = 0; i < lines - 2; i++) {
            String depth = ">".repeat(1 + (i / 40) % 6) + " ";
            b.append(switch (i % 40) {
                case 0 -> depth + "On Mon, " + (1 + i % 28) + " Jun 2024 at 10:" + (10 + i % 50) + ", Ann <ann" + i + "@example.com> wrote:";
                case 1, 39 -> depth.strip();
                default -> depth + "the router in flat " + i + " dropped the line again after the update, ticket " + (i * 7);
            }).append('\n');
        }
        return b.toString();
    }

    private static String repeat(String unit, int times) {
        return unit.repeat(Math.max(1, times));
    }

    private static String nested(int bytes) {
        StringBuilder b = new StringBuilder();
        for (int depth = 0; b.length() < bytes; depth = (depth + 1) % 200) {
            b.append(">".repeat(depth)).append(" On Mon, Ann wrote:\n");
        }
        return b.toString();
    }

    public static void main(String[] args) {
        int bytes = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Map<String, String> shapes = shapes(bytes);
        // on one core the JIT shares the CPU with the work: compile first, then measure
        long warm = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < warm) {
            shapes.values().forEach(TrimBenchmark::trim);
        }
        System.out.printf("%-45s %10s  %8s  %8s  %s%n", "shape", "bytes", "median", "slowest", "kept whole (budget)");
        for (Map.Entry<String, String> shape : shapes.entrySet()) {
            // the JIT recompiles for each shape's profile, on this same core: let it, then measure
            long settle = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < settle) {
                trim(shape.getValue());
            }
            long[] took = new long[rounds];
            int whole = 0;
            for (int round = 0; round < rounds; round++) {
                long start = System.nanoTime();
                whole += trim(shape.getValue()) ? 0 : 1;
                took[round] = System.nanoTime() - start;
            }
            java.util.Arrays.sort(took);
            System.out.printf("%-45s %,10d  %5.1f ms  %5.1f ms  %d of %d%n", shape.getKey(), shape.getValue().length(),
                    took[rounds / 2] / 1e6, took[rounds - 1] / 1e6, whole, rounds);
        }
    }

    /** Whether the body was trimmed within the budget. */
    private static boolean trim(String body) {
        try {
            ReplyText.of(body);
            return true;
        } catch (ReplyText.OutOfTime slow) {
            return false;
        }
    }
}
