package org.redress.app.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.redress.app.store.Complaints;
import org.redress.app.store.DeskAudit;
import org.redress.app.store.GuardTeaching;
import org.redress.core.guard.ReplyGuard;
import org.redress.core.staff.Actor;

/**
 * The desk teaches the reply guard (#17). Agents and supervisors label what the guard did with a reply: a finding that
 * was wrong, a code it missed (with the words that show it), a finding that was right. The labels are kept, and the
 * guard's precision and recall per code over them are computed by running today's guard on the labelled texts, so a
 * change to its rules shows at once. A labelled miss whose words the guard still does not catch is a candidate phrase;
 * an admin accepts it (or writes one), and it joins the rule at once, on every node within {@link #LOOK_EVERY}, audited.
 */
public final class GuardTeacher {

    /** What a label says. */
    public static final Set<String> VERDICTS = Set.of("wrong", "missed", "right");
    /** How often a node looks for phrases another node added. */
    static final Duration LOOK_EVERY = Duration.ofSeconds(10);

    /** The guard's record over the desk's labels for one code. */
    public record Quality(String code, int labels, int truePositives, int falsePositives, int falseNegatives) {
        /** Of the findings labelled, the share that were right; 1 when none were labelled. */
        public double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        /** Of the codes that should have been found, the share found; 1 when none were labelled. */
        public double recall() {
            return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        }
    }

    /** A labelled miss the guard still misses: its words, for an admin to accept as a phrase. */
    public record Candidate(long label, String language, String code, String evidence, String text) {
    }

    private final GuardTeaching store;
    private final ReplyGuard guard;
    private final Complaints complaints;
    private final DeskAudit audit;
    private final Clock clock;
    private volatile Instant lookedAt = Instant.EPOCH;
    private volatile String seen = "";

    GuardTeacher(GuardTeaching store, ReplyGuard guard, Complaints complaints, DeskAudit audit, Clock clock) {
        this.store = store;
        this.guard = guard;
        this.complaints = complaints;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Labels what the guard did with a reply to a complaint.
     *
     * @param language the reply's language; the complaint's when empty
     * @param evidence for a missed code, the words of the text that show it
     * @throws IllegalArgumentException naming what is wrong: an unknown code or verdict, an empty text, evidence not in it
     */
    public GuardTeaching.Label label(long number, Actor by, String text, String code, String verdict, String evidence,
                                     Optional<String> language) {
        Optional<String> complaintLanguage = complaints.require(number).complaint().language();
        String lang = language.filter(l -> !l.isBlank()).orElse(complaintLanguage.orElse("en"));
        if (!ReplyGuard.LANGUAGES.contains(lang)) {
            throw new IllegalArgumentException("language: the guard has rules for " + ReplyGuard.LANGUAGES + ", not '" + lang + "'");
        }
        ReplyGuard.Code c = code(code);
        if (!VERDICTS.contains(verdict)) {
            throw new IllegalArgumentException("verdict: one of wrong, missed, right; got '" + verdict + "'");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text: the reply the label is about");
        }
        String words = evidence == null ? "" : evidence.strip();
        if (!words.isEmpty() && !text.toLowerCase(Locale.ROOT).contains(words.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("evidence: '" + words + "' is not in the text");
        }
        return store.label(number, lang, c.name(), verdict, text, words, by.id());
    }

    /** Precision and recall per code over the desk's labels, by today's guard. */
    public List<Quality> quality() {
        fresh();
        Map<String, int[]> tally = new TreeMap<>();
        for (GuardTeaching.Label l : store.labels()) {
            boolean found = codes(l.text(), l.language()).contains(l.code());
            int[] t = tally.computeIfAbsent(l.code(), k -> new int[4]);
            t[0]++;
            switch (l.verdict()) {
                case "wrong" -> t[2] += found ? 1 : 0;
                case "missed", "right" -> {
                    t[1] += found ? 1 : 0;
                    t[3] += found ? 0 : 1;
                }
                default -> { }
            }
        }
        List<Quality> out = new ArrayList<>();
        tally.forEach((code, t) -> out.add(new Quality(code, t[0], t[1], t[2], t[3])));
        return out;
    }

    /** Labelled misses with their words, which today's guard still misses and no added phrase holds yet. */
    public List<Candidate> candidates() {
        fresh();
        Set<String> added = store.phrases().stream().map(p -> p.language() + "/" + p.code() + "/" + p.text().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        List<Candidate> out = new ArrayList<>();
        for (GuardTeaching.Label l : store.labels()) {
            if (l.verdict().equals("missed") && !l.evidence().isBlank()
                    && !added.contains(l.language() + "/" + l.code() + "/" + l.evidence().toLowerCase(Locale.ROOT))
                    && !codes(l.text(), l.language()).contains(l.code())) {
                out.add(new Candidate(l.id(), l.language(), l.code(), l.evidence(), l.text()));
            }
        }
        return out;
    }

    /**
     * Adds a phrase to a rule; the guard uses it at once. From a candidate, pass its label.
     *
     * @throws IllegalArgumentException naming what is wrong with the phrase, its language or code
     * @throws GuardTeaching.DuplicatePhrase when the rule has it already
     */
    public GuardTeaching.Phrase addPhrase(Actor admin, String language, String code, String text, Optional<Long> fromLabel) {
        ReplyGuard.AddedPhrase phrase = new ReplyGuard.AddedPhrase(language, code(code), text);
        fromLabel.ifPresent(id -> store.label(id).orElseThrow(() -> new IllegalArgumentException("label: no label " + id)));
        GuardTeaching.Phrase p = store.addPhrase(phrase.language(), phrase.code().name(), phrase.text(), admin.id(), fromLabel);
        audit.record(admin, DeskAudit.Action.GUARD_PHRASE_ADD, phrase.language() + "/" + phrase.code().name(), phrase.text());
        reload();
        return p;
    }

    /** Removes an added phrase; false when there is none with that id. */
    public boolean removePhrase(Actor admin, long id) {
        Optional<GuardTeaching.Phrase> p = store.phrases().stream().filter(x -> x.id() == id).findFirst();
        if (p.isEmpty() || !store.removePhrase(id)) {
            return false;
        }
        audit.record(admin, DeskAudit.Action.GUARD_PHRASE_REMOVE, p.get().language() + "/" + p.get().code(), p.get().text());
        reload();
        return true;
    }

    public List<GuardTeaching.Phrase> phrases() {
        return store.phrases();
    }

    /** Loads the added phrases into the guard; another node's additions are seen within {@link #LOOK_EVERY}. */
    public void fresh() {
        Instant now = clock.instant();
        if (Duration.between(lookedAt, now).compareTo(LOOK_EVERY) < 0) {
            return;
        }
        lookedAt = now;
        List<GuardTeaching.Phrase> all = store.phrases();
        if (!stateOf(all).equals(seen)) {
            use(all);
        }
    }

    private void reload() {
        use(store.phrases());
        lookedAt = clock.instant();
    }

    /** What the phrases are, cheaply: an addition or a removal changes it. */
    private static String stateOf(List<GuardTeaching.Phrase> all) {
        return all.size() + ":" + all.stream().mapToLong(GuardTeaching.Phrase::id).max().orElse(0);
    }

    private void use(List<GuardTeaching.Phrase> all) {
        List<ReplyGuard.AddedPhrase> phrases = new ArrayList<>();
        for (GuardTeaching.Phrase p : all) {
            try {
                phrases.add(new ReplyGuard.AddedPhrase(p.language(), ReplyGuard.Code.valueOf(p.code()), p.text()));
            } catch (IllegalArgumentException e) {
                // a row no longer valid (a code renamed since): skipped, the rest still apply
            }
        }
        guard.usePhrases(phrases);
        seen = stateOf(all);
    }

    private Set<String> codes(String text, String language) {
        return guard.check(text, language, new ReplyGuard.Context(false, false, false, clock.instant())).findings().stream()
                .map(f -> f.code().name()).collect(Collectors.toSet());
    }

    private static ReplyGuard.Code code(String code) {
        try {
            return ReplyGuard.Code.valueOf(code == null ? "" : code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("code: one of " + java.util.Arrays.toString(ReplyGuard.Code.values()) + "; got '" + code + "'");
        }
    }
}
