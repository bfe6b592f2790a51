package org.redress.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiFunction;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The input options {@code triage} and {@code check-reply} share (a picocli mixin). */
final class TextOptions {

    @Parameters(index = "0", arity = "0..1", paramLabel = "TEXT", description = "The text, or - (or nothing) to read standard input.")
    String text;

    @Option(names = "--lang", paramLabel = "CODE", description = "The text's language (en, ro, ru, et, vi); detected when not given.")
    String lang;

    @Option(names = "--default-lang", paramLabel = "CODE", defaultValue = "en",
            description = "Language used when it cannot be detected (default: ${DEFAULT-VALUE}).")
    String fallback;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "A folder of extra phrase files (<lang>/<rule>.txt) added before the built-in ones.")
    Path rules;

    @Option(names = "--batch", description = "Read JSON lines {\"text\":…,\"lang\":…} from standard input; write one result per line.")
    boolean batch;

    Optional<Path> extensions() {
        return Optional.ofNullable(rules);
    }

    TextCommands.Language language(String body, String given) {
        return TextCommands.language(body, given, fallback);
    }

    /** Runs {@code each} on the text (or on every --batch line) and prints the JSON results. */
    void run(PrintWriter out, BiFunction<String, String, ObjectNode> each) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        if (batch) {
            TextCommands.batch(System.in, out, each);
            return;
        }
        out.println(json.writeValueAsString(each.apply(TextCommands.text(text, System.in), lang)));
        out.flush();
    }
}
