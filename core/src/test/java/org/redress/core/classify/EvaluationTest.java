package org.redress.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.redress.core.Fixtures;
import org.redress.core.guard.ReplyGuard;
import org.redress.core.promise.PromiseExtractor;
import org.redress.core.triage.Signal;

/**
 * Triage and the reply guard over two sets. The development set (40 complaints and 40 replies per language, half of
 * them clean) is what rules are written from: it holds micro-F1 at least 0.90 and recall at least 0.80 in every
 * language. The blind set ({@code /eval/blind}, written before the rules of #17 were touched and never tuned on) is
 * what the figures in a closing note come from: its floors hold what the rules reach on text they were not written
 * from. Both report precision and recall per code and per language. Raise the floors as the rules improve; never lower
 * them.
 */
class EvaluationTest {

    static final double MICRO_F1_FLOOR = 0.90;
    static final double LANGUAGE_RECALL_FLOOR = 0.80;
    static final List<String> LANGUAGES = List.of("en", "ro", "ru", "et", "vi");

    /** Floors on the blind set: micro-F1 of the guard and of triage. */
    static final double BLIND_GUARD_F1_FLOOR = 0.90;
    static final double BLIND_TRIAGE_F1_FLOOR = 0.80;

    /** True and false positives and false negatives. */
    static final class Tally {
        int tp;
        int fp;
        int fn;

        double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        void add(Set<String> expected, Set<String> got) {
            for (String e : expected) {
                if (got.contains(e)) {
                    tp++;
                } else {
                    fn++;
                }
            }
            for (String g : got) {
                if (!expected.contains(g)) {
                    fp++;
                }
            }
        }

        @Override
        public String toString() {
            return String.format("P %.2f R %.2f F1 %.2f (tp %d, fp %d, fn %d)", precision(), recall(), f1(), tp, fp, fn);
        }
    }

    static List<JsonNode> load(String name) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                EvaluationTest.class.getResourceAsStream("/eval/" + name), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    items.add(json.readTree(line));
                }
            }
        }
        return items;
    }

    static Set<String> expected(JsonNode item) {
        Set<String> e = new TreeSet<>();
        item.get("e").forEach(x -> e.add(x.asText()));
        return e;
    }

    interface Classifier {
        Set<String> codes(JsonNode item, String language);
    }

    /** Evaluates the development set and holds its floors. */
    static void evaluate(String what, String file, Classifier classifier) throws Exception {
        Tally micro = report(what + " (development set)", file, classifier);
        assertThat(micro.f1()).as(what + " micro-F1").isGreaterThanOrEqualTo(MICRO_F1_FLOOR);
    }

    /** Reports one set per language and per code, holds the per-language recall floor on the development set. */
    static Tally report(String what, String file, Classifier classifier) throws Exception {
        boolean blind = file.startsWith("blind/");
        Tally micro = new Tally();
        Map<String, Tally> perCode = new TreeMap<>();
        Map<String, Tally> perLanguage = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        for (String lang : LANGUAGES) {
            for (JsonNode item : load(file + "-" + lang + ".jsonl")) {
                Set<String> exp = expected(item);
                Set<String> got = classifier.codes(item, lang);
                micro.add(exp, got);
                perLanguage.computeIfAbsent(lang, k -> new Tally()).add(exp, got);
                Set<String> codes = new TreeSet<>(exp);
                codes.addAll(got);
                for (String c : codes) {
                    perCode.computeIfAbsent(c, k -> new Tally()).add(exp.contains(c) ? Set.of(c) : Set.of(),
                            got.contains(c) ? Set.of(c) : Set.of());
                }
                if (!exp.equals(got)) {
                    misses.add("  [" + lang + "] expected " + exp + " got " + got + ": " + item.get("t").asText().replace('\n', ' '));
                }
            }
        }
        System.out.println("== " + what + ": micro " + micro);
        perLanguage.forEach((k, v) -> System.out.println("   " + k + "  " + v));
        perCode.forEach((k, v) -> System.out.println("   " + String.format("%-22s", k) + v));
        if (blind) {
            // the blind set's items are not printed: reading its misses is how a set stops being blind
            System.out.println("   (" + misses.size() + " items differ; not listed, so that nobody tunes to them)");
        } else {
            misses.forEach(System.out::println);
        }
        if (!blind) {
            perLanguage.forEach((k, v) -> assertThat(v.recall()).as(what + " recall in " + k).isGreaterThanOrEqualTo(LANGUAGE_RECALL_FLOOR));
        }
        return micro;
    }

    @Test
    void triage_of_complaints() throws Exception {
        evaluate("triage", "complaints", triage());
    }

    static Classifier guard() {
        ReplyGuard guard = new ReplyGuard(new PromiseExtractor(Fixtures.CALENDAR), Optional.empty());
        return (item, lang) -> guard.check(item.get("t").asText(), lang,
                        new ReplyGuard.Context(item.path("u").asBoolean(false), item.path("a").asBoolean(false), false, Fixtures.MONDAY_10))
                .findings().stream().map(f -> f.code().name()).collect(Collectors.toCollection(TreeSet::new));
    }

    static Classifier triage() {
        Triage triage = new Triage(Triage.Policy.standard(), Optional.empty());
        return (item, lang) -> triage.triage(item.get("t").asText(), lang, OptionalLong.empty())
                .signals().stream().map(Signal::code).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void reply_guard() throws Exception {
        evaluate("reply guard", "replies", guard());
    }

    @Test
    void reply_guard_on_the_blind_set() throws Exception {
        Tally micro = report("reply guard (blind set)", "blind/replies", guard());
        assertThat(micro.f1()).as("reply guard micro-F1 on the blind set").isGreaterThanOrEqualTo(BLIND_GUARD_F1_FLOOR);
    }

    @Test
    void triage_on_the_blind_set() throws Exception {
        Tally micro = report("triage (blind set)", "blind/complaints", triage());
        assertThat(micro.f1()).as("triage micro-F1 on the blind set").isGreaterThanOrEqualTo(BLIND_TRIAGE_F1_FLOOR);
    }
}
