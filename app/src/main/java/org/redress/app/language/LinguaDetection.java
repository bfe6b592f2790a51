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
                .withPreloadedLanguageModels().build();
    }

    @Override
    public Optional<String> detect(String text) {
        Language l = detector.detectLanguageOf(text);
        return l == Language.UNKNOWN ? Optional.empty()
                : Optional.of(l.getIsoCode639_1().toString().toLowerCase(Locale.ROOT));
    }
}
