package org.redress.app.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.redress.core.abuse.AbuseProtocol;
import org.redress.core.complaint.EscalationLevel;
import org.redress.core.complaint.Playbook;
import org.redress.core.complaint.Status;
import org.redress.core.guard.ReplyGuard;
import org.redress.core.incident.Incident;
import org.redress.core.promise.Promise;
import org.redress.core.remedy.Remedy;
import org.redress.core.remedy.RemedyKind;
import org.redress.core.sla.SlaClock;
import org.redress.core.sla.SlaMetric;
import org.redress.core.staff.Role;
import org.redress.core.triage.SignalCode;

/**
 * Every word translated (#20 part 8): each key a page asks for, and each status, code, state and default category
 * the console shows by name, has a text in English and in Romanian. A new status or finding without its words fails
 * here, not in front of a Romanian supervisor.
 */
class EveryWordTranslatedTest {

    /** The codes the console names, by the prefix of their keys. */
    static final Map<String, List<String>> CODES = Map.ofEntries(
            Map.entry("status", names(Status.values())),
            Map.entry("finding", names(ReplyGuard.Code.values())),
            Map.entry("signal", names(SignalCode.values())),
            Map.entry("metric", names(SlaMetric.values())),
            Map.entry("clock", names(SlaClock.State.values())),
            Map.entry("abuse.state", names(AbuseProtocol.State.values())),
            Map.entry("step", names(Playbook.Step.values())),
            Map.entry("escalation", names(EscalationLevel.values())),
            Map.entry("promise.state", names(Promise.State.values())),
            Map.entry("remedy.state", names(Remedy.State.values())),
            Map.entry("remedy.kind", names(RemedyKind.values())),
            Map.entry("incident.state", names(Incident.State.values())),
            Map.entry("role", names(Role.values())),
            Map.entry("kind", List.of("inbound", "reply", "note", "call", "system")),
            Map.entry("narrow.clock", List.of("breached", "warning")),
            Map.entry("narrow.sort", List.of("urgency", "deadline", "newest", "oldest", "updated")),
            Map.entry("system.kind", SystemLines.kinds()),
            Map.entry("bulk.action", List.of("take", "move", "transfer", "assign")),
            Map.entry("category", defaultCategories()));

    private static List<String> names(Enum<?>[] values) {
        return Stream.of(values).map(Enum::name).toList();
    }

    /** The categories triage files into (core's categories.txt in every language), and "other". */
    private static List<String> defaultCategories() {
        TreeSet<String> found = new TreeSet<>(List.of("other"));
        try (Stream<Path> files = Files.walk(Path.of("../core/src/main/resources/org/redress/core/triage"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals("categories.txt")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                        found.add(line.substring(0, line.indexOf('=')).strip().split("\\.")[0]);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(found).as("categories read from core's triage files").hasSizeGreaterThan(3);
        return List.copyOf(found);
    }

    @Test
    void every_code_the_console_names_has_words_in_both_languages() {
        List<String> missing = new ArrayList<>();
        for (String lang : Texts.LANGUAGES) {
            Texts t = Texts.of(lang);
            CODES.forEach((kind, codes) -> codes.stream().filter(c -> !t.keys().contains(kind + "." + c) || t.get(kind + "." + c).isBlank())
                    .forEach(c -> missing.add(lang + ": " + kind + "." + c)));
        }
        assertThat(missing).as("codes without a text").isEmpty();
    }

    @Test
    void every_key_a_page_asks_for_is_in_both_languages_and_the_languages_hold_the_same_keys() throws IOException {
        TreeSet<String> asked = new TreeSet<>();
        // a text asked of a Texts ("t.get(…)", "page.t().get(…)", "texts.get(…)"), not a map's get
        Pattern literal = Pattern.compile("(?:\\bt|\\bt\\(\\)|\\btexts)\\.get\\(\"([A-Za-z0-9_.-]+)\"\\)");
        Pattern coded = Pattern.compile("\\.code\\(\"([A-Za-z0-9_.-]+)\"");
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> jte = Files.walk(Path.of("src/main/jte")); Stream<Path> java = Files.walk(Path.of("src/main/java/org/redress/app/web"))) {
            Stream.concat(jte, java).filter(p -> p.toString().endsWith(".jte") || p.toString().endsWith(".java")).forEach(sources::add);
        }
        TreeSet<String> prefixes = new TreeSet<>();
        for (Path p : sources) {
            String text = Files.readString(p);
            Matcher m = literal.matcher(text);
            while (m.find()) {
                asked.add(m.group(1));
            }
            Matcher c = coded.matcher(text);
            while (c.find()) {
                prefixes.add(c.group(1));
            }
        }
        assertThat(asked).as("keys found in the pages").hasSizeGreaterThan(100);
        assertThat(CODES.keySet()).as("every kind of code a page names is checked above").containsAll(prefixes);
        for (String lang : Texts.LANGUAGES) {
            assertThat(asked.stream().filter(k -> !Texts.of(lang).keys().contains(k)).toList()).as("keys missing in " + lang).isEmpty();
        }
        assertThat(Texts.of("ro").keys()).isEqualTo(Texts.of("en").keys());
    }

    @Test
    void every_kind_of_entry_the_desk_writes_has_a_name_and_every_form_has_its_words() throws IOException {
        // the kinds written as literals: new Entry.SystemEvent(at, "sla-breach", …)
        Pattern written = Pattern.compile("new Entry\\.SystemEvent\\([^,]+,\\s*\"([a-z_-]+)\"");
        TreeSet<String> kinds = new TreeSet<>();
        for (String root : List.of("src/main/java", "../core/src/main/java")) {
            try (Stream<Path> java = Files.walk(Path.of(root))) {
                for (Path p : java.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = written.matcher(Files.readString(p));
                    while (m.find()) {
                        kinds.add(m.group(1));
                    }
                }
            }
        }
        assertThat(kinds).as("kinds of desk entries found in the code").hasSizeGreaterThan(8);
        assertThat(SystemLines.kinds()).as("every kind the desk writes is named on the timeline").containsAll(kinds);
        for (String lang : Texts.LANGUAGES) {
            assertThat(SystemLines.keys().stream().filter(k -> !Texts.of(lang).keys().contains(k)).toList())
                    .as("forms without words in " + lang).isEmpty();
        }
    }
}
