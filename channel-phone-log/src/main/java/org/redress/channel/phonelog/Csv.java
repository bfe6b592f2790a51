package org.redress.channel.phonelog;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** One CSV line to its fields, and the time formats PBXs write. */
final class Csv {

    static final DateTimeFormatter PBX_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Csv() {
    }

    static List<String> fields(byte[] bytes, long line, CSVFormat format) throws BadRow {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new BadRow(line, "not one CSV record");
            }
            return records.get(0).toList();
        } catch (IOException | RuntimeException e) {
            throw new BadRow(line, "broken CSV: " + e.getMessage());
        }
    }

    /**
     * The fields of each line of a chunk, parsed by one CSV parser (a parser per line costs more than the
     * parsing). Each element is the line's fields or the {@link BadRow} it raised. When the chunk does not
     * frame into one record per line (a stray quote), every line is parsed alone, so one bad line cannot
     * swallow its neighbours.
     */
    static List<Object> fields(List<LineReader.Line> lines, CSVFormat format) {
        int size = 0;
        for (LineReader.Line l : lines) {
            size += l.bytes().length + 1;
        }
        byte[] all = new byte[size];
        int at = 0;
        for (LineReader.Line l : lines) {
            byte[] b = l.bytes();
            int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
            System.arraycopy(b, 0, all, at, len);
            at += len;
            all[at++] = '\n';
        }
        // decoded once; the line feeds in the text mark where each line's record must start
        String text = new String(all, 0, at, StandardCharsets.UTF_8);
        long[] starts = new long[lines.size()];
        int line = 0;
        for (int i = 0; i < text.length() && line < starts.length - 1; i++) {
            if (text.charAt(i) == '\n') {
                starts[++line] = i + 1;
            }
        }
        List<Object> out = new java.util.ArrayList<>(lines.size());
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            int i = 0;
            for (CSVRecord r : parser) {
                if (i >= lines.size() || r.getCharacterPosition() != starts[i]) {
                    return oneByOne(lines, format);
                }
                out.add(r.toList());
                i++;
            }
            if (i != lines.size()) {
                return oneByOne(lines, format);
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return oneByOne(lines, format);
        }
    }

    private static List<Object> oneByOne(List<LineReader.Line> lines, CSVFormat format) {
        List<Object> out = new java.util.ArrayList<>(lines.size());
        for (LineReader.Line l : lines) {
            try {
                out.add(fields(l.bytes(), l.number(), format));
            } catch (BadRow e) {
                out.add(e);
            }
        }
        return out;
    }

    /** A PBX time in the PBX's zone, or null for an empty field. */
    static Instant time(String value, ZoneId zone, DateTimeFormatter format, String field, long line) throws BadRow {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (format == PBX_TIME) {
            LocalDateTime fast = pbxTime(value);
            if (fast != null) {
                return fast.atZone(zone).toInstant();
            }
        }
        try {
            return LocalDateTime.parse(value.strip(), format).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRow(line, field + " '" + value + "' is not a time as " + format);
        }
    }

    /** yyyy-MM-dd HH:mm:ss without the formatter's generality, or null when the text is not exactly that. */
    private static LocalDateTime pbxTime(String v) {
        if (v.length() != 19 || v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(10) != ' ' || v.charAt(13) != ':'
                || v.charAt(16) != ':') {
            return null;
        }
        try {
            return LocalDateTime.of(digits(v, 0, 4), digits(v, 5, 7), digits(v, 8, 10), digits(v, 11, 13),
                    digits(v, 14, 16), digits(v, 17, 19));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static int digits(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(v);
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    static long number(String value, String field, long line) throws BadRow {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new BadRow(line, field + " '" + value + "' is not a whole number of seconds");
        }
    }
}
