package org.redress.app.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.redress.core.text.LanguageDetection;

/**
 * Language detection with Lingua, built from the desk's configured languages only: fewer candidates are both
 * faster and more accurate, and the models of the other seventy languages are never loaded.
 */
public final class LinguaDetection implements LanguageDetection {

    private final LanguageDetector detector;
    /** Letters beyond a-z that each language writes. */
    private static final java.util.Map<String, String> ALPHABETS = java.util.Map.of(
            "ru", "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
            "vi", "àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ",
            "ro", "ăâîșşțţ",
            "et", "äöüõšž",
            "de", "äöüß",
            "fr", "àâæçéèêëîïôœùûüÿ");

    /**
     * Languages the desk has no rules for but must recognise, so that a German mail is not taken for Estonian (which
     * shares its umlauts) nor a French one for Vietnamese: such a complaint is marked with its real language and
     * answered in the desk's default one.
     */
    public static final List<String> RECOGNISED = List.of("de", "fr", "es", "it", "pt", "nl", "pl", "hu");

    /** Detection for a desk that has rules for {@code languages}, and recognises the {@link #RECOGNISED} others. */
    public static LinguaDetection forTheDesk(List<String> languages) {
        List<String> all = new ArrayList<>(languages);
        RECOGNISED.stream().filter(l -> !all.contains(l)).forEach(all::add);
        return new LinguaDetection(all);
    }

    /** For each configured language, the letters no other configured language writes. */
    private final java.util.Map<String, String> only = new java.util.LinkedHashMap<>();

    /**
     * @param languages ISO 639-1 codes, at least two
     * @throws IllegalArgumentException naming a code Lingua does not know
     */
    public LinguaDetection(List<String> languages) {
        List<Language> chosen = new ArrayList<>();
        for (String code : languages) {
            try {
                chosen.add(Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("language '" + code + "' is not one Lingua can detect", e);
            }
        }
        if (chosen.size() < 2) {
            throw new IllegalArgumentException("language detection needs at least two languages to choose from, got " + languages);
        }
        this.detector = LanguageDetectorBuilder.fromLanguages(chosen.toArray(new Language[0]))
                .withPreloadedLanguageModels().withLowAccuracyMode().build();
        for (String l : languages) {
            StringBuilder own = new StringBuilder();
            for (char c : ALPHABETS.getOrDefault(l, "").toCharArray()) {
                boolean shared = languages.stream().anyMatch(o -> !o.equals(l) && ALPHABETS.getOrDefault(o, "").indexOf(c) >= 0);
                if (!shared) {
                    own.append(c);
                }
            }
            if (own.length() > 0) {
                only.put(l, own.toString());
            }
        }
    }

    @Override
    public Optional<String> detect(String text) {
        Optional<String> byLetters = byLetters(text);
        if (byLetters.isPresent()) {
            return byLetters;
        }
        Language l = detector.detectLanguageOf(text);
        return l == Language.UNKNOWN ? Optional.empty()
                : Optional.of(l.getIsoCode639_1().toString().toLowerCase(Locale.ROOT));
    }

    /**
     * The one configured language whose own letters the text has: Cyrillic must be most of the letters (a
     * script of its own); for the others one distinctive letter is enough, provided no other language's shows up.
     */
    private Optional<String> byLetters(String text) {
        int letters = 0;
        String found = null;
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (c < 0x80) {
                if (Character.isLetter(c)) {
                    letters++;
                }
                continue;
            }
            if (!Character.isLetter(c)) {
                continue;
            }
            letters++;
            for (java.util.Map.Entry<String, String> e : only.entrySet()) {
                if (e.getValue().indexOf(c) >= 0) {
                    if (found != null && !found.equals(e.getKey())) {
                        return Optional.empty(); // two languages' letters: let the models decide
                    }
                    found = e.getKey();
                    count++;
                }
            }
        }
        if (found == null) {
            return Optional.empty();
        }
        return !found.equals("ru") || count * 2 > letters ? Optional.of(found) : Optional.empty();
    }
}
