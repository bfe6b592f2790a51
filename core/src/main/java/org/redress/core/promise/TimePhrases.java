package org.redress.core.promise;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redress.core.text.FoldedText;
import org.redress.core.text.PhraseFile;

/**
 * One language's ways of naming a time, compiled from its phrase file ({@code time-<lang>.txt}). Patterns
 * are written with slots (lower case, as everything is folded) that expand to the language's word lists: {@code {n}} a number, {@code {unit}} a unit,
 * {@code {weekday}}, {@code {today}}, {@code {tomorrow}}, {@code {date}} a written date, {@code {time}} a clock time with an optional part of
 * day, and {@code {gap}} up to three other words.
 * Regular-expression fragments in the files must use lower-case constructs only ({@code \\s}, {@code \\d}),
 * since they are folded too. Everything is matched on folded text (see {@link FoldedText}).
 */
final class TimePhrases {

    /** What a unit word counts. */
    enum Unit { MINUTE, HOUR, BUSINESS_HOUR, DAY, WORKDAY, WEEK }

    private final String language;
    private final List<org.redress.core.text.BoundaryScan> patterns = new ArrayList<>();
    private final Map<Integer, Pattern> numbers = new LinkedHashMap<>();
    private final Map<Unit, Pattern> units = new EnumMap<>(Unit.class);
    private final Map<DayOfWeek, Pattern> weekdays = new EnumMap<>(DayOfWeek.class);
    private final Pattern pm;
    private final Pattern am;

    TimePhrases(String language, PhraseFile file) {
        this.language = language;
        for (String key : file.keys("number.")) {
            numbers.put(Integer.parseInt(key.substring("number.".length())), whole(file.alternation(key)));
        }
        for (Unit u : Unit.values()) {
            String alt = file.alternation("unit." + u.name().toLowerCase());
            if (alt != null) {
                units.put(u, whole(alt));
            }
        }
        for (DayOfWeek d : DayOfWeek.values()) {
            String alt = file.alternation("weekday." + d.name().toLowerCase());
            if (alt != null) {
                weekdays.put(d, whole(alt));
            }
        }
        this.pm = whole(orNever(file.alternation("pm")));
        this.am = whole(orNever(file.alternation("am")));
        String numberWords = join(file.keys("number.").stream().map(file::alternation).toList());
        String unitWords = join(file.keys("unit.").stream().map(file::alternation).toList());
        String weekdayWords = join(file.keys("weekday.").stream().map(file::alternation).toList());
        String daypart = join(List.of(orNever(file.alternation("pm")), orNever(file.alternation("am"))));
        String hourWord = Optional.ofNullable(file.alternation("hourword")).orElse("(?!)");
        Map<String, String> slots = new LinkedHashMap<>();
        slots.put("{n}", "(?<n>\\d{1,3}|" + numberWords + ")");
        slots.put("{unit}", "(?<unit>" + unitWords + ")");
        slots.put("{weekday}", "(?<weekday>" + weekdayWords + ")");
        slots.put("{today}", "(?<today>" + orNever(file.alternation("today")) + ")");
        slots.put("{tomorrow}", "(?<tomorrow>" + orNever(file.alternation("tomorrow")) + ")");
        slots.put("{time}", "(?<hour>[01]?\\d|2[0-3])(?:[:.h](?<minute>[0-5]\\d))?(?:\\s*" + hourWord + ")?"
                + "(?:\\s*(?<minute2>[0-5]\\d)\\s*(?:phut|min)?)?"
                + "(?:\\s*(?<daypart>" + daypart + "))?");
        // a calendar date written out: 2026-12-03, or 03.12.2026 as ro, ru and et write it
        slots.put("{date}", "(?<date>\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\.\\d{1,2}\\.\\d{4})");
        slots.put("{gap}", "(?:[\\p{L}\\p{N}'-]+\\s+){0,3}?");
        for (String p : file.all("pattern")) {
            String regex = FoldedText.fold(p);
            for (Map.Entry<String, String> slot : slots.entrySet()) {
                regex = regex.replace(slot.getKey(), slot.getValue());
            }
            regex = regex.replace(" ", "\\s+");
            try {
                patterns.add(new org.redress.core.text.BoundaryScan(
                        Pattern.compile("(?<![\\p{L}\\p{N}])" + regex + "(?![\\p{L}\\p{N}])")));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("time phrase pattern of language '" + language + "' does not compile: "
                        + p + ": " + e.getMessage(), e);
            }
        }
    }

    String language() {
        return language;
    }

    List<org.redress.core.text.BoundaryScan> patterns() {
        return patterns;
    }

    Optional<Integer> number(String raw) {
        String word = raw.replaceAll("\\s+", " ");
        if (word.chars().allMatch(Character::isDigit)) {
            return Optional.of(Integer.parseInt(word));
        }
        return numbers.entrySet().stream().filter(e -> e.getValue().matcher(word).matches())
                .map(Map.Entry::getKey).findFirst();
    }

    Optional<Unit> unit(String raw) {
        String word = raw.replaceAll("\\s+", " ");
        return units.entrySet().stream().filter(e -> e.getValue().matcher(word).matches())
                .map(Map.Entry::getKey).findFirst();
    }

    Optional<DayOfWeek> weekday(String raw) {
        String word = raw.replaceAll("\\s+", " ");
        return weekdays.entrySet().stream().filter(e -> e.getValue().matcher(word).matches())
                .map(Map.Entry::getKey).findFirst();
    }

    boolean isPm(String word) {
        return pm.matcher(word).matches();
    }

    boolean isAm(String word) {
        return am.matcher(word).matches();
    }

    static Optional<String> group(Matcher m, String name) {
        try {
            return Optional.ofNullable(m.group(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // the pattern has no such slot
        }
    }

    private static Pattern whole(String alternation) {
        return Pattern.compile(FoldedText.fold(alternation));
    }

    private static String orNever(String alternation) {
        return alternation == null ? "(?!)" : FoldedText.fold(alternation);
    }

    private static String join(List<String> alternations) {
        List<String> present = alternations.stream().filter(a -> a != null).map(FoldedText::fold).toList();
        return present.isEmpty() ? "(?!)" : String.join("|", present);
    }
}
