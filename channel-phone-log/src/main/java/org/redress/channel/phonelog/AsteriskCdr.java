package org.redress.channel.phonelog;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;

/**
 * Asterisk's {@code cdr_csv} lines. Columns, from {@code build_csv_record()}: accountcode, src, dst, dcontext,
 * clid, channel, dstchannel, lastapp, lastdata, start, answer, end, duration, billsec, disposition, amaflags;
 * then uniqueid (loguniqueid), userfield (loguserfield), and peeraccount, linkedid, sequence (newcdrcolumns).
 * Queue and IVR answer the caller's channel themselves, so a row that says ANSWERED with no agent leg is a
 * call nobody took.
 */
final class AsteriskCdr implements LegFormat {

    private static final Set<String> DISPOSITIONS = Set.of("ANSWERED", "NO ANSWER", "BUSY", "FAILED", "CONGESTION",
            "CANCEL", "UNKNOWN");
    /** Applications that answer the caller without a person: an ANSWERED row ending in one took no agent. */
    private static final Set<String> NO_AGENT_APPS = Set.of("queue", "playback", "background", "voicemail", "ivr",
            "read", "waitexten", "hangup", "agi", "musiconhold", "record");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).build();

    private final int columns;
    private final ZoneId zone;
    private final Set<String> internalContexts;

    /**
     * @param columns          the exact column count, or 0 to accept any Asterisk layout (16 to 21)
     * @param zone             the zone of the PBX's local times
     * @param internalContexts dialplan contexts of the desk's own phones
     */
    AsteriskCdr(int columns, ZoneId zone, Set<String> internalContexts) {
        this.columns = columns;
        this.zone = zone;
        this.internalContexts = Set.copyOf(internalContexts);
    }

    /** Field positions for a given column count. */
    private record Layout(int uniqueid, int userfield, int linkedid) {
        static Layout of(int n) {
            return switch (n) {
                case 16 -> new Layout(-1, -1, -1);
                case 17 -> new Layout(16, -1, -1);
                case 18 -> new Layout(16, 17, -1);
                case 19 -> new Layout(-1, -1, 17);
                case 20 -> new Layout(16, -1, 18);
                case 21 -> new Layout(16, 17, 19);
                default -> null;
            };
        }
    }

    @Override
    public CSVFormat csv() {
        return FORMAT;
    }

    @Override
    public Optional<Leg> leg(List<String> f, byte[] bytes, long line) throws BadRow {
        Layout layout = Layout.of(f.size());
        if (layout == null || (columns != 0 && f.size() != columns)) {
            throw new BadRow(line, "expected " + (columns == 0 ? "16 to 21" : String.valueOf(columns))
                    + " columns, found " + f.size());
        }
        String disposition = f.get(14).toUpperCase(Locale.ROOT);
        if (!DISPOSITIONS.contains(disposition)) {
            throw new BadRow(line, "disposition '" + f.get(14) + "' is none of "
                    + String.join(", ", DISPOSITIONS.stream().sorted().toList()));
        }
        Instant start = Csv.time(f.get(9), zone, Csv.PBX_TIME, "start", line);
        if (start == null) {
            throw new BadRow(line, "start is empty");
        }
        Instant answer = Csv.time(f.get(10), zone, Csv.PBX_TIME, "answer", line);
        Instant end = Csv.time(f.get(11), zone, Csv.PBX_TIME, "end", line);
        long duration = Csv.number(f.get(12), "duration", line);
        long billsec = Csv.number(f.get(13), "billsec", line);
        String uniqueid = field(f, layout.uniqueid);
        String userfield = field(f, layout.userfield);
        String linkedid = field(f, layout.linkedid);
        String legId = uniqueid.isEmpty() ? "row:" + Digest.of(bytes) : uniqueid;
        String key = !linkedid.isEmpty() ? linkedid : legId;

        String app = f.get(7).toLowerCase(Locale.ROOT);
        String dstchannel = f.get(6);
        boolean agentLeg = !dstchannel.isEmpty();
        Leg.Outcome outcome = switch (disposition) {
            case "ANSWERED" -> agentLeg || !NO_AGENT_APPS.contains(app) ? Leg.Outcome.ANSWERED
                    : app.equals("queue") ? Leg.Outcome.ABANDONED : Leg.Outcome.MISSED;
            case "NO ANSWER" -> Leg.Outcome.MISSED;
            case "BUSY" -> Leg.Outcome.BUSY;
            case "CANCEL" -> Leg.Outcome.ABANDONED;
            default -> Leg.Outcome.FAILED;
        };
        List<String> references = new ArrayList<>();
        if (userfield.startsWith("callback:")) {
            references.add(userfield.substring("callback:".length()).strip());
        }
        boolean out = internalContexts.contains(f.get(3));
        return Optional.of(new Leg(key, legId, out ? Leg.Direction.OUT : Leg.Direction.IN, f.get(1),
                displayName(f.get(4)), f.get(2), start, outcome == Leg.Outcome.ANSWERED ? answer : null, end, duration,
                billsec, outcome, outcome == Leg.Outcome.ANSWERED && agentLeg ? dstchannel : null, references,
                app.equals("queue") ? f.get(8).split(",")[0] : null, line, bytes,
                Map.of("disposition", disposition, "context", f.get(3), "lastApp", f.get(7),
                        "userfield", userfield)));
    }

    private static String field(List<String> f, int index) {
        return index < 0 ? "" : f.get(index).strip();
    }

    /** The name of a clid such as {@code "Jane Roe" <+447700900123>}. */
    private static String displayName(String clid) {
        int lt = clid.lastIndexOf('<');
        if (lt < 0 || !clid.stripTrailing().endsWith(">")) {
            return clid.strip();
        }
        String name = clid.substring(0, lt).strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.strip();
    }
}
