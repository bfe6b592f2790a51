package org.redress.app.web.console;

import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The desk's own timeline entries (a breached deadline, a broken promise, an escalation) in the reader's language,
 * with their times in the desk's zone. The entries are stored as the desk wrote them, in English with exact instants:
 * that is the record, and the database and API keep it. The console reads each known form back and says it again
 * from {@code system.<kind>} in the texts; a text of a form it does not know is shown as stored, its instants
 * written out.
 */
public final class SystemLines {

    /** An exact instant as {@code Instant.toString()} writes it. */
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(?::\\d\\d(?:\\.\\d{1,9})?)?Z");

    private static final Pattern PLACE = Pattern.compile("\\{(\\d)}");

    /** One stored form: its kind, the pattern of its text, and how each captured part is said. */
    private record Form(String kind, String key, Pattern text, List<BiFunction<Say, String, String>> parts) {}

    /** What a captured part needs to be said again: the language and the zone. */
    private record Say(Texts t, ZoneId zone) {
        String when(String instant) {
            try {
                return t.when(java.time.OffsetDateTime.parse(instant).toInstant(), zone);
            } catch (DateTimeParseException e) {
                return instant;
            }
        }
    }

    private static final BiFunction<Say, String, String> AS_IS = (s, v) -> v;
    private static final BiFunction<Say, String, String> WHEN = Say::when;
    private static final BiFunction<Say, String, String> METRIC = (s, v) ->
            s.t().code("metric", v.trim().toUpperCase(Locale.ROOT).replace(' ', '_')).toLowerCase(Locale.forLanguageTag(s.t().lang()));
    private static final BiFunction<Say, String, String> LEVEL = (s, v) ->
            s.t().code("escalation", v.trim().toUpperCase(Locale.ROOT)).toLowerCase(Locale.forLanguageTag(s.t().lang()));

    private static final List<Form> FORMS = List.of(
            new Form("sla-breach", "system.sla-breach", Pattern.compile("The (.+) deadline \\((\\S+)\\) has passed\\."),
                    List.of(METRIC, WHEN)),
            new Form("sla-warning", "system.sla-warning", Pattern.compile("The (.+) deadline is close: (\\S+)\\."),
                    List.of(METRIC, WHEN)),
            new Form("promise-broken", "system.promise-broken.called",
                    Pattern.compile("Promise broken: \"(.*)\" \\(the customer called again first\\)", Pattern.DOTALL), List.of(AS_IS)),
            new Form("promise-broken", "system.promise-broken", Pattern.compile("Promise broken: \"(.*)\" \\((.+), due (\\S+)\\)",
                    Pattern.DOTALL), List.of(AS_IS, AS_IS, WHEN)),
            new Form("promise-due-soon", "system.promise-due-soon", Pattern.compile("Promise due soon: \"(.*)\" \\((.+), due (\\S+)\\)",
                    Pattern.DOTALL), List.of(AS_IS, AS_IS, WHEN)),
            new Form("escalated", "system.escalated", Pattern.compile("Escalated to (\\w+): (.*)", Pattern.DOTALL), List.of(LEVEL, AS_IS)),
            new Form("incident-linked", "system.incident-linked", Pattern.compile("Linked to incident (\\S+): (.*); expected fix by (.*)",
                    Pattern.DOTALL), List.of(AS_IS, AS_IS, AS_IS)),
            new Form("incident-resolved", "system.incident-resolved", Pattern.compile("Incident (\\S+) resolved"), List.of(AS_IS)),
            new Form("abuse-warning", "system.abuse-warning", Pattern.compile("Abuse warning given by (\\S+)"), List.of(AS_IS)),
            new Form("abuse-ended", "system.abuse-ended", Pattern.compile(
                    "Conversation ended by (\\S+) after a warning: (.*)\\. Awaiting supervisor review\\.", Pattern.DOTALL),
                    List.of(AS_IS, AS_IS)),
            new Form("decision-rejected", "system.decision-rejected.offer",
                    Pattern.compile("The customer rejected the decision; escalation to (\\w+) is offered"), List.of(LEVEL)),
            new Form("decision-rejected", "system.decision-rejected", Pattern.compile("The customer rejected the decision"), List.of()));

    /** Every text key a form may use, for the test that keeps both languages whole. */
    public static List<String> keys() {
        return FORMS.stream().map(Form::key).distinct().toList();
    }

    /** The kinds whose names the console shows, for the same test. */
    public static List<String> kinds() {
        return java.util.stream.Stream.concat(FORMS.stream().map(Form::kind),
                java.util.stream.Stream.of("auto_reply", "out_of_office", "bounce", "list", "own_echo", "automated")).distinct().toList();
    }

    private SystemLines() {}

    /** The name of an entry's kind ("Deadline passed"), or the kind itself where there is none. */
    public static String name(Texts t, String kind) {
        return t.code("system.kind", kind);
    }

    /** An entry's text said in the reader's language, its instants in the desk's zone. */
    public static String say(Texts t, ZoneId zone, String kind, String text) {
        Say say = new Say(t, zone);
        if (text == null) {
            return "";
        }
        for (Form form : FORMS) {
            if (!form.kind().equals(kind)) {
                continue;
            }
            Matcher m = form.text().matcher(text.strip());
            if (m.matches()) {
                // one pass over the template, so that a customer's "{1}" inside a promise stays as written
                return PLACE.matcher(t.get(form.key())).replaceAll(r -> {
                    int i = Integer.parseInt(r.group(1));
                    return Matcher.quoteReplacement(i < form.parts().size() ? form.parts().get(i).apply(say, m.group(i + 1)) : r.group());
                });
            }
        }
        return INSTANT.matcher(text).replaceAll(r -> Matcher.quoteReplacement(say.when(r.group())));
    }
}
