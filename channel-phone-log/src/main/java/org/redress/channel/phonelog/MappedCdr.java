package org.redress.channel.phonelog;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.commons.csv.CSVFormat;
import org.redress.core.channel.ChannelException;

/**
 * Any other CSV call log, through a mapping file (Java properties) that says which column holds what and what
 * its status values mean:
 * <pre>
 * header = true                        # the first line names the columns
 * delimiter = ,
 * time-format = yyyy-MM-dd HH:mm:ss    # or iso (ISO-8601 with offset) or epoch (seconds)
 * column.call-id = CallSid             # a header name, or a 0-based index when header = false
 * column.caller = From
 * column.callee = To
 * column.start = StartTime
 * column.status = Status
 * column.answer / column.end / column.duration / column.talk / column.agent / column.direction / column.caller-name
 * status.answered = completed|in-progress
 * status.missed = no-answer
 * status.busy = busy
 * status.failed = failed
 * status.abandoned = canceled
 * direction.out = outbound-api|outbound-dial
 * </pre>
 */
final class MappedCdr implements LegFormat {

    static final List<String> REQUIRED = List.of("call-id", "caller", "callee", "start", "status");
    static final List<String> OPTIONAL = List.of("caller-name", "answer", "end", "duration", "talk", "agent", "direction");

    private final boolean header;
    private final CSVFormat format;
    private final String timeFormat;
    private final DateTimeFormatter formatter;
    private final ZoneId zone;
    private final Map<String, String> columns = new LinkedHashMap<>();
    private final Map<String, Leg.Outcome> statuses = new HashMap<>();
    private final List<String> outbound = new ArrayList<>();
    private Map<String, Integer> positions;

    MappedCdr(Reader mapping, String source, ZoneId zone) throws ChannelException {
        Properties p = new Properties();
        try {
            p.load(mapping);
        } catch (IOException | IllegalArgumentException e) {
            throw new ChannelException("mapping file " + source + " cannot be read: " + e.getMessage(), e);
        }
        this.zone = zone;
        this.header = Boolean.parseBoolean(p.getProperty("header", "true").strip());
        String delimiter = p.getProperty("delimiter", ",");
        if (delimiter.length() != 1) {
            throw new ChannelException("mapping file " + source + ": delimiter must be one character, got '" + delimiter + "'");
        }
        this.format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter.charAt(0)).setIgnoreSurroundingSpaces(true).build();
        this.timeFormat = p.getProperty("time-format", "yyyy-MM-dd HH:mm:ss").strip();
        try {
            this.formatter = timeFormat.equals("iso") || timeFormat.equals("epoch") ? null
                    : DateTimeFormatter.ofPattern(timeFormat);
        } catch (IllegalArgumentException e) {
            throw new ChannelException("mapping file " + source + ": time-format '" + timeFormat + "' is not a pattern: "
                    + e.getMessage());
        }
        for (String key : REQUIRED) {
            String v = p.getProperty("column." + key);
            if (v == null || v.isBlank()) {
                throw new ChannelException("mapping file " + source + " needs 'column." + key + "' (the column holding the "
                        + key.replace('-', ' ') + ")");
            }
            columns.put(key, v.strip());
        }
        for (String key : OPTIONAL) {
            String v = p.getProperty("column." + key);
            if (v != null && !v.isBlank()) {
                columns.put(key, v.strip());
            }
        }
        for (Leg.Outcome o : Leg.Outcome.values()) {
            String v = p.getProperty("status." + o.label());
            if (v != null) {
                for (String s : v.split("\\|")) {
                    statuses.put(s.strip().toLowerCase(Locale.ROOT), o);
                }
            }
        }
        if (statuses.isEmpty()) {
            throw new ChannelException("mapping file " + source + " maps no status; add lines such as "
                    + "'status.answered = completed' and 'status.missed = no-answer'");
        }
        for (String s : p.getProperty("direction.out", "").split("\\|")) {
            if (!s.isBlank()) {
                outbound.add(s.strip().toLowerCase(Locale.ROOT));
            }
        }
        if (!header) {
            positions = new HashMap<>();
            for (Map.Entry<String, String> c : columns.entrySet()) {
                try {
                    positions.put(c.getKey(), Integer.parseInt(c.getValue()));
                } catch (NumberFormatException e) {
                    throw new ChannelException("mapping file " + source + ": column." + c.getKey() + " must be a column "
                            + "number when header = false, got '" + c.getValue() + "'");
                }
            }
        }
    }

    boolean hasHeader() {
        return header;
    }

    /** Reads the header line of the file, naming every mapped column that it lacks. */
    void header(byte[] line) throws ChannelException {
        List<String> names;
        try {
            names = Csv.fields(line, 1, format);
        } catch (BadRow e) {
            throw new ChannelException("the header line cannot be read: " + e.getMessage());
        }
        Map<String, Integer> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> c : columns.entrySet()) {
            int i = names.indexOf(c.getValue());
            if (i < 0) {
                missing.add("column." + c.getKey() + " = " + c.getValue());
            } else {
                found.put(c.getKey(), i);
            }
        }
        if (!missing.isEmpty()) {
            throw new ChannelException("the file's header has no column for " + String.join(", ", missing)
                    + "; it has " + String.join(", ", names));
        }
        positions = found;
    }

    @Override
    public CSVFormat csv() {
        return format;
    }

    @Override
    public Optional<Leg> leg(List<String> f, byte[] bytes, long line) throws BadRow {
        if (header && line == 1) {
            return Optional.empty();
        }
        String id = get(f, "call-id", line);
        if (id.isBlank()) {
            throw new BadRow(line, "the call id column is empty");
        }
        String status = get(f, "status", line).strip().toLowerCase(Locale.ROOT);
        Leg.Outcome outcome = statuses.get(status);
        if (outcome == null) {
            throw new BadRow(line, "status '" + status + "' is not mapped; add it to a status.<outcome> line of the mapping");
        }
        Instant start = time(get(f, "start", line), "start", line);
        if (start == null) {
            throw new BadRow(line, "start is empty");
        }
        Instant answer = time(get(f, "answer", line), "answer", line);
        Instant end = time(get(f, "end", line), "end", line);
        boolean out = outbound.contains(get(f, "direction", line).strip().toLowerCase(Locale.ROOT));
        String agent = get(f, "agent", line);
        return Optional.of(new Leg(id, id, out ? Leg.Direction.OUT : Leg.Direction.IN, get(f, "caller", line),
                get(f, "caller-name", line), get(f, "callee", line), start, outcome == Leg.Outcome.ANSWERED ? answer : null,
                end, Csv.number(get(f, "duration", line), "duration", line), Csv.number(get(f, "talk", line), "talk", line),
                outcome, agent.isBlank() ? null : agent, List.of(), null, line, bytes, Map.of("status", status)));
    }

    private String get(List<String> f, String key, long line) throws BadRow {
        Integer i = positions.get(key);
        if (i == null) {
            return "";
        }
        if (i >= f.size()) {
            throw new BadRow(line, "has " + f.size() + " fields, but the mapping reads " + key + " from column " + i);
        }
        return f.get(i);
    }

    private Instant time(String value, String field, long line) throws BadRow {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return switch (timeFormat) {
                case "iso" -> OffsetDateTime.parse(value.strip()).toInstant();
                case "epoch" -> Instant.ofEpochSecond(Long.parseLong(value.strip()));
                default -> Csv.time(value, zone, formatter, field, line);
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new BadRow(line, field + " '" + value + "' is not a time as " + timeFormat);
        }
    }
}
