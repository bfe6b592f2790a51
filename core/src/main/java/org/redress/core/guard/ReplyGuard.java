package org.redress.core.guard;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.redress.core.promise.PromiseExtractor;
import org.redress.core.promise.PromisedTime;
import org.redress.core.text.Analysed;
import org.redress.core.text.PhraseRule;
import org.redress.core.text.RuleBook;

/**
 * Checks a reply against complaint-handling practice before it is sent, in the reply's language: each finding
 * names the rule, its severity, the words that break it and what to say instead. Also reports the promises
 * the reply makes. Phrases live in {@code /org/redress/core/guard/<lang>/}, which a deployment extends.
 */
public final class ReplyGuard {

    /** How serious a finding is: a blocking one stops the reply unless the agent overrides it with a reason. */
    public enum Severity { BLOCK, WARN }

    /** The rules of the guard. */
    public enum Code {
        ADMITS_NOT_KNOWING(Severity.BLOCK), NOT_MY_JOB(Severity.BLOCK), BLAMES_COLLEAGUES(Severity.BLOCK),
        MAKES_EXCUSES(Severity.WARN), TELLS_TO_CALM_DOWN(Severity.BLOCK), USES_JARGON(Severity.WARN),
        REPEATED_APOLOGY(Severity.WARN), LEAKS_INTERNAL(Severity.BLOCK), MISSING_ETA(Severity.WARN),
        PERSONAL_DATA_IN_PUBLIC(Severity.BLOCK);

        private final Severity severity;

        Code(Severity severity) {
            this.severity = severity;
        }

        public Severity severity() {
            return severity;
        }
    }

    /**
     * One broken rule.
     *
     * @param evidence the words that break it (empty for something missing, such as an ETA)
     */
    public record Finding(Code code, Severity severity, String evidence, int start, int end, String suggestion) {
    }

    /**
     * What the guard knows about the complaint the reply answers.
     *
     * @param unresolved        the complaint is not resolved, so the reply must say when the next step comes
     * @param alreadyApologised the complaint already has an apology
     * @param publicReply       the reply will be read in public (a social post)
     * @param writtenAt         when the reply is written, for the promises' due times
     */
    public record Context(boolean unresolved, boolean alreadyApologised, boolean publicReply, Instant writtenAt) {
    }

    /**
     * The findings, in text order, the promises the reply makes, and the playbook steps it takes (a recap of what the
     * customer said, an apology), for the desk to record on the complaint when the reply goes out.
     */
    public record Result(String language, List<Finding> findings, List<PromisedTime> promises, Set<Step> steps) {
        public Result {
            steps = steps.isEmpty() ? Set.of() : Set.copyOf(steps);
        }

        public Result(String language, List<Finding> findings, List<PromisedTime> promises) {
            this(language, findings, promises, Set.of());
        }

        public boolean blocked() {
            return findings.stream().anyMatch(f -> f.severity() == Severity.BLOCK);
        }

        public boolean takes(Step step) {
            return steps.contains(step);
        }

        /**
         * Whether the guard has rules for the reply's language. A reply in another language is checked for nothing
         * that depends on words (only personal data in public, which does not), rather than against another
         * language's rules; {@link #note()} says so.
         */
        public boolean checked() {
            return LANGUAGES.contains(language);
        }

        /** "not checked (language de)" for a reply in a language the guard has no rules for. */
        public Optional<String> note() {
            return checked() ? Optional.empty() : Optional.of("not checked (language " + language + ")");
        }
    }

    /**
     * A reply in a language without rules: read by no other language's rules (an English phrase list would flag a
     * German reply at random and miss what it says), so only what needs no words is checked: personal data in public.
     */
    private Result unchecked(String text, String language, Context context) {
        List<Finding> findings = new ArrayList<>();
        if (context.publicReply()) {
            Map<String, String> suggestions = rules.values("en", "suggestions");
            for (PersonalData.Finding p : PersonalData.find(text)) {
                findings.add(finding(Code.PERSONAL_DATA_IN_PUBLIC, p.evidence(), p.start(), p.end(), suggestions));
            }
        }
        return new Result(language == null || language.isBlank() ? "und" : language, findings,
                promises.extract(text, language, context.writtenAt()));
    }

    /** The playbook steps the guard has phrases for. */
    public enum Step { RECAP, APOLOGY, EMPATHY, QUESTION }

    public static final List<String> LANGUAGES = List.of("en", "ro", "ru", "et", "vi");

    private static final List<Code> PHRASE_RULES = List.of(Code.ADMITS_NOT_KNOWING, Code.NOT_MY_JOB, Code.BLAMES_COLLEAGUES,
            Code.MAKES_EXCUSES, Code.TELLS_TO_CALM_DOWN, Code.USES_JARGON, Code.LEAKS_INTERNAL);

    private static final String ROOT = "/org/redress/core/guard";

    /** Swapped whole when the desk's own phrases change, so a check sees the old rules or the new, never half. */
    private volatile RuleBook rules;
    private final Optional<Path> extensions;
    private final PromiseExtractor promises;

    public ReplyGuard(PromiseExtractor promises, Optional<Path> extensions) {
        this.promises = promises;
        this.extensions = extensions;
        this.rules = new RuleBook(ROOT, extensions);
    }

    /**
     * One phrase a desk added to a rule, as text: matched as written (folded: any case, with or without diacritics),
     * words and spaces only, no pattern syntax.
     *
     * @param language the reply language it is for
     * @param code     the rule it shows
     * @param text     the words
     */
    public record AddedPhrase(String language, Code code, String text) {

        /** Checks the language and that the text has words. */
        public AddedPhrase {
            if (!LANGUAGES.contains(language)) {
                throw new IllegalArgumentException("language: one of " + LANGUAGES + ", got '" + language + "'");
            }
            if (!PHRASE_RULES.contains(code)) {
                throw new IllegalArgumentException("code: phrases can be added to " + PHRASE_RULES + ", not " + code);
            }
            text = text == null ? "" : text.strip().replaceAll("\\s+", " ");
            if (text.length() < 3 || text.length() > 200 || !text.matches(".*\\p{L}.*")) {
                throw new IllegalArgumentException("phrase: 3 to 200 characters with at least one letter, got '" + text + "'");
            }
        }

        /** The phrase line for the rule file: the text with every pattern character escaped. */
        String line() {
            return "phrase = " + text.replaceAll("([\\\\.\\[\\](){}*+?^$|])", "\\\\$1");
        }
    }

    /**
     * Uses the built-in rules plus these phrases from now on; the desk calls it when an admin adds or removes one, so a
     * phrase takes effect without a restart.
     */
    public void usePhrases(List<AddedPhrase> phrases) {
        Map<String, List<String>> added = new java.util.HashMap<>();
        for (AddedPhrase p : phrases) {
            added.computeIfAbsent(p.language() + "/" + p.code().name().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(p.line());
        }
        this.rules = new RuleBook(ROOT, extensions, added);
    }

    public Result check(String text, String language, Context context) {
        RuleBook rules = this.rules; // one set of rules for the whole check
        if (!LANGUAGES.contains(language)) {
            return unchecked(text, language, context);
        }
        String lang = language;
        Map<String, String> suggestions = rules.values(lang, "suggestions");
        Analysed analysed = rules.analyse(text, lang);
        List<Finding> findings = new ArrayList<>();
        for (Code code : PHRASE_RULES) {
            Optional<PhraseRule> rule = rules.rule(lang, code.name().toLowerCase(Locale.ROOT));
            if (rule.isPresent()) {
                for (PhraseRule.Hit h : rule.get().find(analysed)) {
                    findings.add(finding(code, h.evidence(), h.start(), h.end(), suggestions));
                }
            }
        }
        List<PhraseRule.Hit> apologies = rules.rule(lang, "apology").map(r -> nonOverlapping(r.find(analysed))).orElse(List.of());
        if (apologies.size() > 1 || (!apologies.isEmpty() && context.alreadyApologised())) {
            PhraseRule.Hit extra = apologies.size() > 1 ? apologies.get(1) : apologies.get(0);
            findings.add(finding(Code.REPEATED_APOLOGY, extra.evidence(), extra.start(), extra.end(), suggestions));
        }
        if (context.publicReply()) {
            for (PersonalData.Finding p : PersonalData.find(text)) {
                findings.add(finding(Code.PERSONAL_DATA_IN_PUBLIC, p.evidence(), p.start(), p.end(), suggestions));
            }
        }
        List<PromisedTime> promised = promises.extract(text, lang, context.writtenAt());
        if (context.unresolved() && promised.isEmpty()) {
            findings.add(finding(Code.MISSING_ETA, "", text.length(), text.length(), suggestions));
        }
        findings.sort(Comparator.comparingInt(Finding::start));
        Set<Step> steps = EnumSet.noneOf(Step.class);
        if (!apologies.isEmpty()) {
            steps.add(Step.APOLOGY);
        }
        if (rules.rule(lang, "recap").map(r -> !r.find(analysed).isEmpty()).orElse(false)) {
            steps.add(Step.RECAP);
        }
        if (rules.rule(lang, "empathy").map(r -> !r.find(analysed).isEmpty()).orElse(false)) {
            steps.add(Step.EMPATHY);
        }
        return new Result(lang, findings, promised, steps);
    }

    /** Suggested phrases for a step of the playbook, in a language. */
    public List<String> phrases(String language, Step step) {
        String lang = LANGUAGES.contains(language) ? language : "en";
        return rules.file(lang, "phrases").all(step.name().toLowerCase(Locale.ROOT));
    }

    private static Finding finding(Code code, String evidence, int start, int end, Map<String, String> suggestions) {
        return new Finding(code, code.severity(), evidence, start, end, suggestions.getOrDefault(code.name(), ""));
    }

    private static List<PhraseRule.Hit> nonOverlapping(List<PhraseRule.Hit> hits) {
        List<PhraseRule.Hit> sorted = new ArrayList<>(hits);
        sorted.sort(Comparator.comparingInt(PhraseRule.Hit::start));
        List<PhraseRule.Hit> out = new ArrayList<>();
        int end = -1;
        for (PhraseRule.Hit h : sorted) {
            if (h.start() >= end) {
                out.add(h);
                end = h.end();
            }
        }
        return out;
    }
}
