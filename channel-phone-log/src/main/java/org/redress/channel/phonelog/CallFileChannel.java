package org.redress.channel.phonelog;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.Quarantined;
import org.redress.core.channel.RawSource;

/**
 * A call log file, followed as it grows. CDR rows are read by byte offset and grouped into calls (consecutive
 * rows with one key; a call is never split across batches); CTI events are grouped by call id until the
 * hangup, and calls still ringing are carried in the checkpoint; notes are one per JSON line or CSV record.
 * A row that cannot be read is quarantined with its line number and the rest of the file goes on.
 *
 * <p>Checkpoint: {@code offset:line} (the byte after the last line taken, and that line's number); for CTI,
 * followed by {@code |offset@line,…} for the lines of calls not yet finished; for CSV notes, {@code record:N}.
 */
final class CallFileChannel implements Channel {

    /** How the file is read. */
    enum Mode { CDR, CTI, NOTES_JSON, NOTES_CSV }

    /** A CTI call whose first event is this many lines behind the newest is taken as it stands. */
    static final long CTI_STALE_LINES = 10_000;
    /** Lines parsed together by one CSV parser. */
    private static final int CHUNK = 512;

    private final Path file;
    private final Mode mode;
    private final LegFormat format;
    private final Calls calls;
    private final AgentNotes notes;
    private final Clock clock;

    private final Duration settle;

    /** @param settle how long the file must be unchanged before a last line without its line end counts as whole */
    CallFileChannel(Path file, Mode mode, LegFormat format, PhoneNumbers numbers, Clock clock, Duration settle) {
        this.settle = settle;
        this.file = file;
        this.mode = mode;
        this.format = format;
        this.calls = new Calls(numbers);
        this.notes = new AgentNotes(numbers);
        this.clock = clock;
    }

    private String name() {
        return file.getFileName().toString();
    }

    /**
     * Whether the file is no longer being written, so that a last line without its line end is whole. File times are
     * wall-clock times, compared with the system clock (the desk's may be fixed in a test or a replay).
     */
    private boolean settled() {
        if (settle.isZero()) {
            return true;
        }
        try {
            return System.currentTimeMillis() - Files.getLastModifiedTime(file).toMillis() >= settle.toMillis();
        } catch (IOException e) {
            return false;
        }
    }

    private LineReader lines(long offset, long line) throws IOException {
        return new LineReader(file, offset, line, settled());
    }

    /**
     * The complaint-to-be of one call's legs; a call the desk cannot take (a caller that is no number at all, such as
     * "tel:" or "sip:@") is quarantined with its lines, and the rest of the file goes on.
     */
    private Inbound call(List<Leg> legs) {
        try {
            return calls.message(legs, name());
        } catch (IllegalArgumentException e) {
            long first = legs.get(0).line();
            long last = legs.get(legs.size() - 1).line();
            String where = first == last ? "line " + first : "lines " + first + "-" + last;
            java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
            for (Leg leg : legs) {
                if (leg.raw() != null) {
                    raw.writeBytes(leg.raw());
                    raw.write('\n');
                }
            }
            byte[] bytes = raw.size() == 0 ? where.getBytes(StandardCharsets.UTF_8) : raw.toByteArray();
            return Quarantined.of(where + ": " + e.getMessage(), new RawSource(name() + " " + where,
                    "text/csv", bytes));
        }
    }

    @Override
    public Batch read(Checkpoint after, int max) throws ChannelException {
        try {
            return switch (mode) {
                case CDR -> readCdr(after, max);
                case CTI -> readCti(after, max);
                case NOTES_JSON -> readJsonNotes(after, max);
                case NOTES_CSV -> readCsvNotes(after, max);
            };
        } catch (IOException e) {
            throw new ChannelException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static long[] position(Checkpoint at) throws ChannelException {
        if (at.isStart()) {
            return new long[] {0, 0};
        }
        String head = at.value().split("\\|", 2)[0];
        String[] parts = head.split(":");
        try {
            return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
        } catch (RuntimeException e) {
            throw new ChannelException("checkpoint '" + at + "' is not offset:line");
        }
    }

    private Quarantined quarantine(LineReader.Line line, String reason) {
        return Quarantined.of(reason,
                new RawSource(name() + " line " + line.number(), "text/plain", line.bytes().length == 0
                        ? ("line " + line.number()).getBytes(StandardCharsets.UTF_8) : line.bytes()));
    }

    // ---- CDR ----------------------------------------------------------------------------------------

    private Batch readCdr(Checkpoint after, int max) throws IOException, ChannelException {
        if (format instanceof MappedCdr mapped && mapped.hasHeader()) {
            try (LineReader header = new LineReader(file, 0, 0)) {
                LineReader.Line first = header.next();
                if (first == null) {
                    return Batch.empty(after);
                }
                mapped.header(first.bytes());
            }
        }
        long[] pos = position(after);
        List<Inbound> items = new ArrayList<>();
        List<Leg> group = new ArrayList<>();
        long consumed = pos[0];
        long consumedLine = pos[1];
        boolean more = false;
        try (LineReader reader = lines(pos[0], pos[1])) {
            List<LineReader.Line> chunk = new ArrayList<>(CHUNK);
            reading:
            while (true) {
                chunk.clear();
                LineReader.Line l;
                while (chunk.size() < CHUNK && (l = reader.next()) != null) {
                    chunk.add(l);
                }
                if (chunk.isEmpty()) {
                    break;
                }
                List<Object> parsed = Csv.fields(chunk, format.csv());
                for (int i = 0; i < chunk.size(); i++) {
                    LineReader.Line line = chunk.get(i);
                    if (isBlank(line.bytes())) {
                        if (group.isEmpty()) {
                            consumed = line.end();
                            consumedLine = line.number();
                        }
                        continue;
                    }
                    Optional<Leg> leg;
                    String problem = null;
                    try {
                        if (parsed.get(i) instanceof BadRow bad) {
                            throw bad;
                        }
                        @SuppressWarnings("unchecked")
                        List<String> fields = (List<String>) parsed.get(i);
                        leg = format.leg(fields, line.bytes(), line.number());
                    } catch (BadRow e) {
                        leg = Optional.empty();
                        problem = e.getMessage();
                    }
                    boolean startsNew = problem != null
                            || (leg.isPresent() && (group.isEmpty() || !group.get(0).key().equals(leg.get().key())));
                    if (startsNew && !group.isEmpty()) {
                        items.add(call(group));
                        group.clear();
                    }
                    if (startsNew && items.size() >= max) {
                        more = true;
                        break reading;
                    }
                    if (problem != null) {
                        items.add(quarantine(line, problem));
                    } else if (leg.isPresent()) {
                        group.add(leg.get());
                    }
                    consumed = line.end();
                    consumedLine = line.number();
                }
            }
        }
        if (!group.isEmpty()) {
            items.add(call(group));
        }
        Checkpoint next = consumed == pos[0] ? after : Checkpoint.of(consumed + ":" + consumedLine);
        return sized(items, next, more, consumed);
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    // ---- CTI ----------------------------------------------------------------------------------------

    private Batch readCti(Checkpoint after, int max) throws IOException, ChannelException {
        long[] pos = position(after);
        Map<String, CtiCalls.Pending> calls = new LinkedHashMap<>();
        List<Inbound> quarantined = new ArrayList<>();
        int done = 0;
        // calls still open at the last checkpoint: read their lines again first
        if (!after.isStart() && after.value().contains("|")) {
            for (String ref : after.value().split("\\|", 2)[1].split(",")) {
                String[] p = ref.split("@");
                try (LineReader r = new LineReader(file, Long.parseLong(p[0]), Long.parseLong(p[1]) - 1)) {
                    LineReader.Line line = r.next();
                    if (line != null && add(calls, line, quarantined)) {
                        done++;
                    }
                }
            }
        }
        long lastLine = pos[1];
        long end = pos[0];
        boolean more = false;
        try (LineReader reader = lines(pos[0], pos[1])) {
            LineReader.Line line;
            // a batch ends once it holds max items, so a file of bad lines moves on a batch at a time
            while (quarantined.size() + done < max && (line = reader.next()) != null) {
                if (!isBlank(line.bytes()) && add(calls, line, quarantined)) {
                    done++;
                }
                lastLine = line.number();
                end = line.end();
            }
            more = quarantined.size() + done >= max;
        }
        List<Inbound> items = new ArrayList<>(quarantined);
        List<String> carried = new ArrayList<>();
        for (CtiCalls.Pending call : calls.values()) {
            boolean stale = lastLine - call.lines().get(0).number() > CTI_STALE_LINES;
            if ((call.complete() || stale) && items.size() < max) {
                items.add(call(List.of(CtiCalls.leg(call, clock.instant()))));
            } else {
                more |= call.complete() || stale;
                call.lines().forEach(l -> carried.add(l.start() + "@" + l.number()));
            }
        }
        String value = end + ":" + lastLine + (carried.isEmpty() ? "" : "|" + String.join(",", carried));
        Checkpoint next = end == pos[0] && carried.isEmpty() && after.isStart() ? after : Checkpoint.of(value);
        return sized(items, next, more, end);
    }

    /** Adds a line's event to its call; true when it is the hangup that completes the call. */
    private static boolean add(Map<String, CtiCalls.Pending> calls, LineReader.Line line, List<Inbound> quarantined) {
        try {
            CtiEvent e = CtiEvent.parse(line.bytes());
            CtiCalls.Pending call = calls.get(e.callId());
            if (call == null) {
                if (!e.event().equals("newCall")) {
                    // the calls before the checkpoint were taken whole (up to their hangup) or are carried in it, so
                    // this event belongs to no call the desk can still build
                    quarantined.add(Quarantined.of("line " + line.number() + ": a '" + e.event()
                            + "' event for callId " + e.callId() + ", which has no newCall before it or came after its "
                            + "call was taken", new RawSource("line " + line.number(), "application/json", line.bytes())));
                    return false;
                }
                call = new CtiCalls.Pending(e.callId(), new ArrayList<>(), new ArrayList<>());
                calls.put(e.callId(), call);
            } else if (e.event().equals("newCall")) {
                quarantined.add(Quarantined.of("line " + line.number() + ": a second newCall for "
                        + "callId " + e.callId(), new RawSource("line " + line.number(), "application/json", line.bytes())));
                return false;
            } else if (call.complete()) {
                quarantined.add(Quarantined.of("line " + line.number() + ": a '" + e.event()
                        + "' event for callId " + e.callId() + " after its hangup",
                        new RawSource("line " + line.number(), "application/json", line.bytes())));
                return false;
            }
            boolean completes = !call.complete() && e.event().equals("hangup");
            call.events().add(e);
            call.lines().add(line);
            return completes;
        } catch (IllegalArgumentException ex) {
            quarantined.add(Quarantined.of("line " + line.number() + ": " + ex.getMessage(),
                    new RawSource("line " + line.number(), "application/json",
                            line.bytes().length == 0 ? new byte[] {' '} : line.bytes())));
            return false;
        }
    }

    // ---- notes --------------------------------------------------------------------------------------

    private Batch readJsonNotes(Checkpoint after, int max) throws IOException, ChannelException {
        long[] pos = position(after);
        List<Inbound> items = new ArrayList<>();
        long consumed = pos[0];
        long consumedLine = pos[1];
        boolean more = false;
        try (LineReader reader = lines(pos[0], pos[1])) {
            LineReader.Line line;
            while ((line = reader.next()) != null) {
                if (items.size() >= max) {
                    more = true;
                    break;
                }
                if (!isBlank(line.bytes())) {
                    try {
                        items.add(notes.json(line.bytes(), name() + " line " + line.number(), clock.instant()));
                    } catch (IllegalArgumentException e) {
                        items.add(quarantine(line, "line " + line.number() + ": " + e.getMessage()));
                    }
                }
                consumed = line.end();
                consumedLine = line.number();
            }
        }
        return sized(items, consumed == pos[0] ? after : Checkpoint.of(consumed + ":" + consumedLine), more, consumed);
    }

    /** A batch that says how many of the file's bytes lie before its checkpoint. */
    private Batch sized(List<Inbound> items, Checkpoint next, boolean more, long offset) throws IOException {
        return new Batch(items, next, more, offset, Files.size(file));
    }

    private Batch readCsvNotes(Checkpoint after, int max) throws IOException, ChannelException {
        long done = 0;
        String[] checkpoint = after.value().split("\\|tail:", 2);
        if (!after.isStart()) {
            try {
                done = Long.parseLong(checkpoint[0].replaceFirst("^record:", ""));
            } catch (NumberFormatException e) {
                throw new ChannelException("checkpoint '" + after + "' is not record:N");
            }
        }
        if (checkpoint.length == 2 && checkpoint[1].equals(String.valueOf(Files.size(file)))) {
            return Batch.empty(after); // the broken rest is quarantined already and the file has not changed since
        }
        List<Inbound> items = new ArrayList<>();
        long record = 0;
        long lastLine = 1;
        boolean more = false;
        CSVFormat csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).build();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = csv.parse(in)) {
            if (!parser.getHeaderNames().contains("text")) {
                throw new ChannelException(file.toAbsolutePath() + ": a notes CSV needs a header with call_id, caller, "
                        + "agent, written_at and text; found " + parser.getHeaderNames());
            }
            try {
                for (CSVRecord r : parser) {
                    record = r.getRecordNumber();
                    if (record <= done) {
                        lastLine = parser.getCurrentLineNumber();
                        continue;
                    }
                    if (items.size() >= max) {
                        more = true;
                        record--;
                        break;
                    }
                    byte[] raw = String.join(",", r.toList()).getBytes(StandardCharsets.UTF_8);
                    String where = name() + " record " + record + " (ending on line " + parser.getCurrentLineNumber() + ")";
                    lastLine = parser.getCurrentLineNumber();
                    try {
                        items.add(notes.csv(r.toMap(), raw, where, clock.instant()));
                    } catch (IllegalArgumentException e) {
                        items.add(Quarantined.of("record " + record + ": " + e.getMessage(),
                                new RawSource(where, "text/csv", raw)));
                    }
                }
            } catch (java.io.UncheckedIOException | IllegalStateException e) {
                // a quote that never closes takes the rest of the file with it: what came before is read, the rest
                // is kept whole in quarantine once the file is finished (a writer may still be closing the quote)
                long good = Math.max(done, record);
                if (!items.isEmpty()) {
                    return new Batch(items, Checkpoint.of("record:" + good), true);
                }
                if (!settled()) {
                    return Batch.empty(after);
                }
                String reason = "record " + (good + 1) + " (from line " + (lastLine + 1) + "): "
                        + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
                return new Batch(List.of(Quarantined.of(reason, new RawSource(name() + " from line "
                        + (lastLine + 1), "text/csv", tail(lastLine)))), Checkpoint.of("record:" + good + "|tail:"
                        + Files.size(file)), false);
            }
        }
        return new Batch(items, record <= done ? after : Checkpoint.of("record:" + record), more);
    }

    /** The file from the line after {@code line} to its end, or a note of where that is if it is empty. */
    private byte[] tail(long line) throws IOException {
        try (LineReader reader = new LineReader(file, 0, 0, true)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            LineReader.Line l;
            while ((l = reader.next()) != null) {
                if (l.number() > line) {
                    out.writeBytes(l.bytes());
                    out.write('\n');
                }
            }
            return out.size() == 0 ? ("after line " + line).getBytes(StandardCharsets.UTF_8) : out.toByteArray();
        }
    }

    @Override
    public void close() {
        // files are opened per read
    }
}
