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

    /** A PBX time in the PBX's zone, or null for an empty field. */
    static Instant time(String value, ZoneId zone, DateTimeFormatter format, String field, long line) throws BadRow {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip(), format).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRow(line, field + " '" + value + "' is not a time as " + format);
        }
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
