package org.redress.core.text;

import java.util.Optional;

/**
 * Port: which of the desk's languages a text is written in. Implemented outside core (Lingua in the app),
 * so core stays free of its models.
 */
public interface LanguageDetection {

    /** The ISO 639-1 code of the text's language, or empty when it cannot be told. */
    Optional<String> detect(String text);
}
