package org.redress.channel.email;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;

/** Pass rates per source of an evaluation over the third-party corpus, and where that corpus is. */
final class PassRates {

    private final Map<String, int[]> results = new TreeMap<>();

    /** ../shared/corpus/email, or the folder -Dredress.corpus names; the test is skipped without it. */
    static Path emailCorpus() {
        Path corpus = Path.of(System.getProperty("redress.corpus", "../../shared/corpus")).resolve("email");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "no email corpus at " + corpus.toAbsolutePath());
        return corpus;
    }

    synchronized void count(String what, boolean ok) {
        int[] r = results.computeIfAbsent(what, k -> new int[2]);
        r[1]++;
        if (ok) {
            r[0]++;
        }
    }

    synchronized double rate(String what) {
        int[] r = results.get(what);
        return r == null || r[1] == 0 ? 0 : (double) r[0] / r[1];
    }

    synchronized void print(String prefix) {
        results.forEach((k, r) -> System.out.printf("%s %-34s %d/%d (%.1f%%)%n", prefix, k, r[0], r[1], 100.0 * r[0] / r[1]));
    }
}
