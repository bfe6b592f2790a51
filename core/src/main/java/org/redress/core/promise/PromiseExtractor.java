package org.redress.core.promise;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import org.redress.core.text.FoldedText;
import org.redress.core.text.PhraseFile;
import org.redress.core.time.BusinessCalendar;

/**
 * Finds the times a reply or call note commits to — "I will call you back within two hours", "până vineri",
 * "завтра до 12:00", "kolme tööpäeva jooksul", "trước 5 giờ chiều nay" — and computes each due instant from
 * the time the text was written, in the desk's time zone and business calendar.
 *
 * <p>Rules: a number of minutes or hours counts clock time; working days and business hours count in the
 * calendar; a day named without a time ("by Friday", "tomorrow") means the close of business that day; a
 * clock time without a day means today, or tomorrow when it has passed.
 */
public final class PromiseExtractor {

    /** The languages with a built-in phrase file. */
    public static final List<String> LANGUAGES = List.of("en", "ro", "ru", "et", "vi", "de", "fr");

    private final BusinessCalendar calendar;
    private final Map<String, TimePhrases> phrases = new ConcurrentHashMap<>();
    private final Map<String, PhraseFile> extensions;

    public PromiseExtractor(BusinessCalendar calendar) {
        this(calendar, Map.of());
    }

    /**
     * @param extensions a deployment's extra phrase lines per language, added after the built-in file
     */
    public PromiseExtractor(BusinessCalendar calendar, Map<String, PhraseFile> extensions) {
        this.calendar = calendar;
        this.extensions = Map.copyOf(extensions);
    }

    /**
     * A deployment's extra lines for one language, merged with the built-in file. Its patterns are tried
     * before the built-in ones, so a more specific local phrase wins over a general one.
     */
    public static PhraseFile extension(String language, Reader reader) {
        try {
            return PhraseFile.empty().add(reader, "extension for " + language)
                    .addAll(PhraseFile.resource(PromiseExtractor.class, "time-" + language + ".txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The promised times in {@code text}, in the order they appear.
     *
     * @param language  the text's language code; unknown languages fall back to English
     * @param writtenAt when the text was written
     */
    public List<PromisedTime> extract(String text, String language, Instant writtenAt) {
        TimePhrases lang = phrases(language);
        FoldedText folded = FoldedText.of(text);
        List<PromisedTime> found = new ArrayList<>();
        List<int[]> taken = new ArrayList<>();
        for (org.redress.core.text.BoundaryScan p : lang.patterns()) {
            p.forEach(folded.folded(), m -> {
                int s = m.start();
                int e = m.end();
                if (taken.stream().anyMatch(t -> s < t[1] && e > t[0])) {
                    return; // an earlier, more specific pattern already covers these words
                }
                Optional<Instant> due = due(m, lang, writtenAt);
                if (due.isEmpty()) {
                    return;
                }
                taken.add(new int[] {s, e});
                int os = folded.originalStart(s);
                int oe = folded.originalEnd(e);
                found.add(new PromisedTime(sentence(text, os, oe), text.substring(os, oe), os, oe, due.get()));
            });
        }
        found.sort(Comparator.comparingInt(PromisedTime::start));
        return found;
    }

    private TimePhrases phrases(String language) {
        String lang = language == null ? "en" : language.toLowerCase();
        if (!LANGUAGES.contains(lang) && !extensions.containsKey(lang)) {
            lang = "en";
        }
        return phrases.computeIfAbsent(lang, l -> new TimePhrases(l, extensions.containsKey(l) ? extensions.get(l)
                : PhraseFile.resource(PromiseExtractor.class, "time-" + l + ".txt")));
    }

    private Optional<Instant> due(Matcher m, TimePhrases lang, Instant writtenAt) {
        ZonedDateTime now = writtenAt.atZone(calendar.zone());
        Optional<String> n = TimePhrases.group(m, "n");
        Optional<String> unit = TimePhrases.group(m, "unit");
        if (unit.isPresent()) {
            // "within the hour", "в течение часа": a unit alone counts one
            Optional<Integer> count = n.isPresent() ? lang.number(n.get()) : Optional.of(1);
            Optional<TimePhrases.Unit> u = lang.unit(unit.get());
            if (count.isEmpty() || u.isEmpty() || count.get() <= 0 || count.get() > 400) {
                return Optional.empty();
            }
            int c = count.get();
            return Optional.of(switch (u.get()) {
                case MINUTE -> writtenAt.plus(c, ChronoUnit.MINUTES);
                case HOUR -> writtenAt.plus(c, ChronoUnit.HOURS);
                case BUSINESS_HOUR -> calendar.plus(writtenAt, Duration.ofHours(c));
                case DAY -> now.plusDays(c).toInstant();
                case WORKDAY -> calendar.plusWorkingDays(writtenAt, c);
                case WEEK -> now.plusWeeks(c).toInstant();
            });
        }
        Optional<LocalDate> day = Optional.empty();
        Optional<String> written = TimePhrases.group(m, "date");
        if (written.isPresent()) {
            day = date(written.get());
            if (day.isEmpty()) {
                return Optional.empty();
            }
        } else if (TimePhrases.group(m, "tomorrow").isPresent()) {
            day = Optional.of(now.toLocalDate().plusDays(1));
        } else if (TimePhrases.group(m, "weekday").isPresent()) {
            Optional<DayOfWeek> wd = lang.weekday(TimePhrases.group(m, "weekday").get());
            if (wd.isEmpty()) {
                return Optional.empty();
            }
            int ahead = (wd.get().getValue() - now.getDayOfWeek().getValue() + 7) % 7;
            day = Optional.of(now.toLocalDate().plusDays(ahead == 0 ? 7 : ahead));
        } else if (TimePhrases.group(m, "today").isPresent()) {
            day = Optional.of(now.toLocalDate());
        }
        Optional<LocalTime> time = clock(m, lang);
        if (day.isEmpty() && time.isEmpty()) {
            return Optional.empty();
        }
        if (time.isEmpty()) {
            return Optional.of(calendar.closeOfBusiness(day.get()));
        }
        LocalDate date = day.orElse(now.toLocalDate());
        Instant at = date.atTime(time.get()).atZone(calendar.zone()).toInstant();
        if (day.isEmpty() && !at.isAfter(writtenAt)) {
            at = date.plusDays(1).atTime(time.get()).atZone(calendar.zone()).toInstant();
        }
        return Optional.of(at);
    }

    /** A date as written: ISO (2026-12-03) or day.month.year (03.12.2026); empty when it is no date. */
    private static Optional<LocalDate> date(String s) {
        try {
            if (s.contains("-")) {
                return Optional.of(LocalDate.parse(s));
            }
            String[] p = s.split("\\.");
            return Optional.of(LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0])));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalTime> clock(Matcher m, TimePhrases lang) {
        Optional<String> hour = TimePhrases.group(m, "hour");
        if (hour.isEmpty()) {
            return Optional.empty();
        }
        int h = Integer.parseInt(hour.get());
        int minute = TimePhrases.group(m, "minute").or(() -> TimePhrases.group(m, "minute2"))
                .map(Integer::parseInt).orElse(0);
        Optional<String> daypart = TimePhrases.group(m, "daypart");
        if (daypart.isPresent() && lang.isPm(daypart.get()) && h < 12) {
            h += 12;
        } else if (daypart.isPresent() && lang.isAm(daypart.get()) && h == 12) {
            h = 0;
        }
        return h > 23 ? Optional.empty() : Optional.of(LocalTime.of(h, minute));
    }

    private static String sentence(String text, int start, int end) {
        int s = start;
        while (s > 0 && !endsSentence(text, s - 1)) {
            s--;
        }
        int e = end;
        while (e < text.length() && !endsSentence(text, e)) {
            e++;
        }
        if (e < text.length() && text.charAt(e) != '\n') {
            e++;
        }
        return text.substring(s, e).strip();
    }

    /**
     * Whether the character at {@code i} ends a sentence: a line break, or a full stop, question or exclamation mark
     * followed by a space or the end (the dots of ana.pop@example.ro or 2.5 GB end nothing).
     */
    private static boolean endsSentence(String text, int i) {
        char c = text.charAt(i);
        return c == '\n' || (".!?".indexOf(c) >= 0 && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1))));
    }

}
