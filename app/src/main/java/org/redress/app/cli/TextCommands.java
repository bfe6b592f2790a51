package org.redress.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.redress.app.language.LinguaDetection;

/** What {@code triage} and {@code check-reply} share: where the text comes from, its language, and --batch. */
final class TextCommands {

    /**
     * The desk's languages: those with triage and reply-guard rules. Detection chooses among these only; fewer
     * candidates are faster and more accurate.
     */
    static final List<String> LANGUAGES = List.of("en", "ro", "ru", "et", "vi");

    private static LinguaDetection detection;

    private TextCommands() {
    }

    static synchronized LinguaDetection detection() {
        if (detection == null) {
            detection = LinguaDetection.forTheDesk(LANGUAGES);
        }
        return detection;
    }

    /**
     * Detection that builds its models on first use: a desk starts serving at once and pays for Lingua (a second
     * or two) when the first message arrives, or in the background right after start-up.
     */
    static org.redress.core.text.LanguageDetection lazyDetection() {
        return text -> detection().detect(text);
    }

    /** Builds the language models now, on a background thread (once the desk is serving). */
    static void warmDetection() {
        Thread warm = new Thread(TextCommands::detection, "redress-language-models");
        warm.setDaemon(true);
        warm.setPriority(Thread.MIN_PRIORITY);
        warm.start();
    }

    /** A text's language: given, detected, or the default (and the output says which). */
    record Language(String code, String source) {
    }

    static Language language(String text, String given, String fallback) {
        if (given != null) {
            return new Language(given.toLowerCase(), "given");
        }
        Optional<String> detected = detection().detect(text);
        return detected.map(l -> new Language(l, "detected")).orElse(new Language(fallback, "default"));
    }

    static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** The text argument, or standard input for "-" or none. */
    static String text(String argument, InputStream in) throws IOException {
        if (argument == null || argument.equals("-")) {
            return readAll(in);
        }
        return argument;
    }

    /**
     * JSON lines {@code {"text":…,"lang":…}} in, one result line out per input line, in order. A line that is not
     * such an object gives an error object for that line; the rest goes on.
     */
    static void batch(InputStream in, PrintWriter out, BiFunction<String, String, ObjectNode> each) throws IOException {
        ObjectMapper json = new ObjectMapper();
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            ObjectNode result;
            try {
                JsonNode node = json.readTree(line);
                if (node == null || !node.isObject() || !node.path("text").isTextual()) {
                    throw new IllegalArgumentException("expected an object with a \"text\" string");
                }
                String lang = node.path("lang").isTextual() ? node.get("lang").asText() : null;
                result = each.apply(node.get("text").asText(), lang);
            } catch (IOException | RuntimeException e) {
                result = json.createObjectNode();
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
                result.put("error", "line " + number + ": " + message);
            }
            out.println(json.writeValueAsString(result));
        }
        out.flush();
    }
}
