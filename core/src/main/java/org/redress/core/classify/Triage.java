package org.redress.core.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redress.core.complaint.Category;
import org.redress.core.complaint.Priority;
import org.redress.core.text.Analysed;
import org.redress.core.text.FoldedText;
import org.redress.core.text.PhraseRule;
import org.redress.core.text.RuleBook;
import org.redress.core.triage.Signal;
import org.redress.core.triage.SignalCode;

/**
 * Triage of an incoming complaint: its signals, each with the words that show it, and from them a priority
 * and a category. Deterministic and explainable; the phrases live in {@code /org/redress/core/triage/<lang>/}
 * (one file per signal, plus {@code negation.txt} and {@code categories.txt}), which a deployment extends
 * without recompiling. Shouting and runs of exclamation marks count as anger in every language; a money claim
 * needs both a claim and an amount in one sentence.
 */
public final class Triage {

    /** What triage makes of a text. */
    public record Result(String language, List<Signal> signals, Priority priority, Category category) {
    }

    /**
     * How signals weigh into priority: the sum of the weights of the distinct signals found, plus
     * {@code reachWeight} for a public complaint from an account with at least {@code largeAccount} followers,
     * is compared with the thresholds (P1 at {@code p1} and above, P2 at {@code p2}, P3 at {@code p3}, else P4).
     */
    public record Policy(Map<SignalCode, Integer> weights, int p1, int p2, int p3, long largeAccount, int reachWeight) {
        public Policy {
            weights = new EnumMap<>(weights);
        }

        public static Policy standard() {
            Map<SignalCode, Integer> w = new EnumMap<>(SignalCode.class);
            w.put(SignalCode.THREAT_LEGAL, 5);
            w.put(SignalCode.THREAT_REGULATOR, 5);
            w.put(SignalCode.THREAT_CHARGEBACK, 4);
            w.put(SignalCode.EXECUTIVE_ESCALATION, 3);
            w.put(SignalCode.THREAT_PUBLIC, 3);
            w.put(SignalCode.OUTAGE, 3);
            w.put(SignalCode.CHURN_RISK, 3);
            w.put(SignalCode.INSULT, 2);
            w.put(SignalCode.REPEAT_ISSUE, 2);
            w.put(SignalCode.ANGER, 1);
            w.put(SignalCode.MONEY_CLAIM, 1);
            w.put(SignalCode.CONTRACT_CITED, 1);
            return new Policy(w, 6, 3, 1, 10_000, 3);
        }

        Priority priority(int score) {
            return score >= p1 ? Priority.P1 : score >= p2 ? Priority.P2 : score >= p3 ? Priority.P3 : Priority.P4;
        }
    }

    /** The languages with built-in triage files. */
    public static final List<String> LANGUAGES = List.of("en", "ro", "ru", "et", "vi");

    private static final Pattern SHOUT = Pattern.compile("(?<![\\p{L}])(?:\\p{Lu}{3,}[\\s,.!?]+){2,}\\p{Lu}{2,}(?![\\p{L}])");
    private static final Pattern BANGS = Pattern.compile("[!?]*![!?]*!+[!?]*|!{2,}");
    private static final Pattern AMOUNT = Pattern.compile("(?:[€$£₽]\\s?\\d[\\d .,]*|\\d[\\d .,]*\\s?(?:de\\s)?(?:€|\\$|£|₽|eur\\p{L}*|euro\\p{L}*|usd|gbp|pounds?|pence|dollars?|lei|ron|"
            + "руб\\p{L}*|р\\.|dong|đồng|đ|vnd|k|tr|trieu|triệu|nghin|nghìn)(?![\\p{L}]))", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final RuleBook rules;
    private final Policy policy;
    private final Map<String, Map<String, Pattern>> categories = new ConcurrentHashMap<>();

    public Triage(Policy policy, Optional<Path> extensions) {
        this.policy = policy;
        this.rules = new RuleBook("/org/redress/core/triage", extensions);
    }

    /**
     * @param language  the text's language (a code of {@link #LANGUAGES}; others are read with English rules)
     * @param followers the author's reach, for a public complaint on social media
     */
    public Result triage(String text, String language, OptionalLong followers) {
        String lang = LANGUAGES.contains(language) ? language : "en";
        Analysed analysed = rules.analyse(text, lang);
        List<Signal> signals = new ArrayList<>();
        for (SignalCode code : SignalCode.values()) {
            if (code == SignalCode.MONEY_CLAIM) {
                moneyClaim(analysed, lang).ifPresent(signals::add);
                continue;
            }
            Optional<PhraseRule> rule = rules.rule(lang, code.name().toLowerCase(Locale.ROOT));
            rule.flatMap(r -> r.find(analysed).stream().findFirst())
                    .ifPresent(h -> signals.add(new Signal(code, h.evidence(), h.start(), h.end())));
            if (code == SignalCode.ANGER && signals.stream().noneMatch(s -> s.code() == SignalCode.ANGER)) {
                shouting(text).ifPresent(signals::add);
            }
        }
        int score = 0;
        for (Signal s : signals) {
            score += policy.weights().getOrDefault(s.code(), 0);
        }
        if (followers.isPresent() && followers.getAsLong() >= policy.largeAccount()) {
            score += policy.reachWeight();
        }
        signals.sort(Comparator.comparingInt(Signal::start));
        return new Result(lang, signals, policy.priority(score), category(analysed, lang));
    }

    private static Optional<Signal> shouting(String text) {
        Matcher m = SHOUT.matcher(text);
        if (m.find()) {
            return Optional.of(new Signal(SignalCode.ANGER, m.group(), m.start(), m.end()));
        }
        Matcher b = BANGS.matcher(text);
        if (b.find() && b.group().chars().filter(c -> c == '!').count() >= 2) {
            return Optional.of(new Signal(SignalCode.ANGER, b.group(), b.start(), b.end()));
        }
        return Optional.empty();
    }

    /** A claim phrase and an amount in the same complaint; the evidence spans both when they are close. */
    private Optional<Signal> moneyClaim(Analysed text, String lang) {
        Optional<PhraseRule> rule = rules.rule(lang, "money_claim");
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        String original = text.original();
        List<PhraseRule.Hit> claims = rule.get().find(text);
        Matcher amount = AMOUNT.matcher(original);
        if (claims.isEmpty() || !amount.find()) {
            return Optional.empty();
        }
        PhraseRule.Hit claim = claims.get(0);
        int from = sentenceStart(original, claim.start());
        int to = sentenceEnd(original, claim.end());
        Matcher near = AMOUNT.matcher(original).region(from, to);
        if (near.find()) {
            int s = Math.min(claim.start(), near.start());
            int e = Math.max(claim.end(), near.end());
            return Optional.of(new Signal(SignalCode.MONEY_CLAIM, original.substring(s, e).strip(), s, e));
        }
        return Optional.of(new Signal(SignalCode.MONEY_CLAIM, claim.evidence() + " … " + amount.group().strip(),
                claim.start(), claim.end()));
    }

    /** A full stop ends a sentence only before a space or the end: "49.99" is one number. */
    private static boolean ends(String t, int i) {
        char c = t.charAt(i);
        return c == '!' || c == '?' || c == '\n' || (c == '.' && (i + 1 >= t.length() || Character.isWhitespace(t.charAt(i + 1))));
    }

    private static int sentenceStart(String t, int i) {
        int s = i;
        while (s > 0 && !ends(t, s - 1)) {
            s--;
        }
        return s;
    }

    private static int sentenceEnd(String t, int i) {
        int e = i;
        while (e < t.length() && !ends(t, e)) {
            e++;
        }
        return e;
    }

    private Category category(Analysed text, String lang) {
        Map<String, Pattern> patterns = categories.computeIfAbsent(lang, l -> {
            Map<String, Pattern> m = new LinkedHashMap<>();
            rules.values(l, "categories").forEach((name, alternation) -> m.put(name, Pattern.compile(
                    "(?<![\\p{L}\\p{N}_])(?:" + FoldedText.fold(alternation).replace("\\w", "[\\p{L}\\p{N}_]")
                            + ")(?![\\p{L}\\p{N}_])")));
            return m;
        });
        String best = null;
        int bestHits = 0;
        for (Map.Entry<String, Pattern> e : patterns.entrySet()) {
            Matcher m = e.getValue().matcher(text.folded().folded());
            int hits = 0;
            while (m.find()) {
                hits++;
            }
            if (hits > bestHits) {
                best = e.getKey();
                bestHits = hits;
            }
        }
        return best == null ? Category.OTHER : new Category(best);
    }
}
