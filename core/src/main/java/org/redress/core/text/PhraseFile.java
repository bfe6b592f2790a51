package org.redress.core.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule data files of the desk: plain UTF-8 lines {@code key = value}, {@code #} comments, no escaping (so
 * regular-expression fragments read as written). A key may repeat; each occurrence adds a value. A deployment
 * extends a language by adding lines, in a file of its own read after the built-in one.
 */
public final class PhraseFile {

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private PhraseFile() {
    }

    public static PhraseFile empty() {
        return new PhraseFile();
    }

    /** Reads a built-in file from the class path, or an empty one when there is none for that name. */
    public static PhraseFile resource(Class<?> anchor, String name) {
        PhraseFile file = new PhraseFile();
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in != null) {
                file.add(new InputStreamReader(in, StandardCharsets.UTF_8), anchor.getPackageName() + "/" + name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule file " + name, e);
        }
        return file;
    }

    /**
     * Adds the lines of another source.
     *
     * @throws IllegalArgumentException naming the source and line of a line that is not {@code key = value}
     */
    public PhraseFile add(Reader reader, String source) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            int eq = t.indexOf(" = ");
            if (eq < 1) {
                throw new IllegalArgumentException(source + " line " + number + ": expected 'key = value', got '" + t + "'");
            }
            values.computeIfAbsent(t.substring(0, eq).strip(), k -> new ArrayList<>()).add(t.substring(eq + 3).strip());
        }
        return this;
    }

    /** Adds every line of another file after this one's. */
    public PhraseFile addAll(PhraseFile other) {
        other.values.forEach((k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        return this;
    }

    public List<String> all(String key) {
        return values.getOrDefault(key, List.of());
    }

    /** Every key that starts with {@code prefix}, in file order. */
    public List<String> keys(String prefix) {
        return values.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    /** All values of a key joined as one regular-expression alternation, or null when there are none. */
    public String alternation(String key) {
        List<String> v = all(key);
        return v.isEmpty() ? null : "(?:" + String.join("|", v) + ")";
    }
}
