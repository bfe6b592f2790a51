package org.redress.app.web.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's words in one language, from {@code console/texts_<lang>.properties}. A key missing from a file
 * shows as the key itself, so a gap is visible on the page instead of an empty label.
 */
public final class Texts {

    /** The languages the console speaks; the first is the fallback. */
    public static final List<String> LANGUAGES = List.of("en", "ro");

    private static final Map<String, Texts> LOADED = new ConcurrentHashMap<>();

    private final String lang;
    private final Properties words;
    private final DateTimeFormatter when;

    private Texts(String lang, Properties words) {
        this.lang = lang;
        this.words = words;
        this.when = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.forLanguageTag(lang));
    }

    public static Texts of(String lang) {
        String l = LANGUAGES.contains(lang) ? lang : LANGUAGES.get(0);
        return LOADED.computeIfAbsent(l, Texts::load);
    }

    /**
     * The language a visitor gets: the one they chose (a cookie), else the first of their browser's that the
     * console speaks, else English.
     */
    public static Texts choose(String chosen, String acceptLanguage) {
        if (chosen != null && LANGUAGES.contains(chosen)) {
            return of(chosen);
        }
        if (acceptLanguage != null) {
            try {
                for (Locale.LanguageRange r : Locale.LanguageRange.parse(acceptLanguage)) {
                    String l = r.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                    if (LANGUAGES.contains(l)) {
                        return of(l);
                    }
                }
            } catch (IllegalArgumentException e) {
                // a malformed header: English
            }
        }
        return of(LANGUAGES.get(0));
    }

    private static Texts load(String lang) {
        Properties p = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream("/console/texts_" + lang + ".properties")) {
            if (in == null) {
                throw new IllegalStateException("console/texts_" + lang + ".properties is missing from the class path");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Texts(lang, p);
    }

    public String lang() {
        return lang;
    }

    public String get(String key) {
        return words.getProperty(key, key);
    }

    /**
     * The name of a code in this language ({@code code("status", "CLOSED")}), or the code itself where there is none:
     * a category a deployment added, which has no text here.
     */
    public String code(String kind, Object code) {
        return code == null || code.toString().isEmpty() ? "" : words.getProperty(kind + "." + code, code.toString());
    }

    /** Every key of this language's file (for the test that keeps the languages equal). */
    public java.util.Set<String> keys() {
        return words.stringPropertyNames();
    }

    /** A moment as people read it, in the desk's time zone. */
    public String when(Instant at, ZoneId zone) {
        return at == null ? "" : when.format(at.atZone(zone));
    }
}
