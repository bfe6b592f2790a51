package org.redress.core.text;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The rule files of one family ({@code triage}, {@code guard}) for every language, loaded once: the built-in
 * file {@code <root>/<lang>/<rule>.txt} on the class path, with a deployment's own file of the same name
 * under its extension folder added before it, so local phrases need no recompiling.
 */
public final class RuleBook {

    private final String root;
    private final Optional<Path> extensions;
    private final Map<String, Map<String, Optional<PhraseRule>>> rules = new ConcurrentHashMap<>();
    /** The word patterns of each language's {@code negation.txt}, by {@code <lang>/<key>}. */
    private final Map<String, Optional<Pattern>> wordPatterns = new ConcurrentHashMap<>();
    private final Map<String, PhraseFile> files = new ConcurrentHashMap<>();

    /**
     * @param root       the class-path folder of the family, for example {@code /org/redress/core/triage}
     * @param extensions a folder with the deployment's extra files ({@code <lang>/<rule>.txt}), if any
     */
    public RuleBook(String root, Optional<Path> extensions) {
        this(root, extensions, Map.of());
    }

    /**
     * @param added lines added at run time (the desk's own phrases, kept in its database), by {@code <lang>/<rule>}:
     *              each a {@code key = value} line such as {@code phrase = …}
     */
    public RuleBook(String root, Optional<Path> extensions, Map<String, List<String>> added) {
        this.root = root;
        this.extensions = extensions;
        this.added = Map.copyOf(added);
    }

    private final Map<String, List<String>> added;

    /** A rule of a language, or empty when that language has no file for it. */
    public Optional<PhraseRule> rule(String language, String rule) {
        return rules.computeIfAbsent(language, l -> new ConcurrentHashMap<>())
                .computeIfAbsent(rule, r -> Optional.ofNullable(PhraseRule.of(language + "/" + r, file(language, r))));
    }

    /** The merged lines of a file of a language (extension first). */
    public PhraseFile file(String language, String name) {
        return files.computeIfAbsent(language + "/" + name, k -> {
            PhraseFile merged = PhraseFile.empty();
            List<String> lines = added.getOrDefault(language + "/" + name, List.of());
            if (!lines.isEmpty()) {
                try {
                    merged.add(new java.io.StringReader(String.join("\n", lines)), "the desk's phrases for " + language + "/" + name);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            extensions.map(dir -> dir.resolve(language).resolve(name + ".txt")).filter(Files::isRegularFile).ifPresent(p -> {
                try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                    merged.add(r, p.toString());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read rule file " + p, e);
                }
            });
            return merged.addAll(PhraseFile.resource(RuleBook.class, root + "/" + language + "/" + name + ".txt"));
        });
    }

    /** The text prepared for this language's rules. */
    public Analysed analyse(String text, String language) {
        // single words (matched whole against one word), and the phrases of declining to say (found in the text)
        Optional<Pattern> negation = wordPattern(language, "word", alt -> Pattern.compile(alt, Pattern.UNICODE_CHARACTER_CLASS));
        Optional<Pattern> unsaid = wordPattern(language, "unsaid", alt -> Pattern.compile("(?<![\\p{L}\\p{N}_])(?:"
                + alt.replace(" ", "\\s+") + ")(?![\\p{L}\\p{N}_])"));
        Optional<Pattern> addressed = wordPattern(language, "addressed", alt -> Pattern.compile(alt, Pattern.UNICODE_CHARACTER_CLASS));
        return new Analysed(text, negation.orElse(null), unsaid.orElse(null), addressed.orElse(null));
    }

    /** A key of the language's {@code negation.txt} as one folded alternation, compiled once; empty when it has none. */
    private Optional<Pattern> wordPattern(String language, String key, java.util.function.Function<String, Pattern> compile) {
        return wordPatterns.computeIfAbsent(language + "/" + key, k -> {
            String alt = file(language, "negation").alternation(key);
            return alt == null ? Optional.empty() : Optional.of(compile.apply(FoldedText.fold(alt)));
        });
    }

    /** Lines {@code key = value} of a file as a map of the first value per key. */
    public Map<String, String> values(String language, String name) {
        PhraseFile f = file(language, name);
        Map<String, String> m = new LinkedHashMap<>();
        for (String key : f.keys("")) {
            List<String> v = f.all(key);
            if (!v.isEmpty()) {
                m.put(key, v.get(0));
            }
        }
        return m;
    }

}
