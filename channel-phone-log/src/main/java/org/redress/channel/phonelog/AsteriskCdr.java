package org.redress.channel.phonelog;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.redress.core.channel.Automation;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.Quarantined;
import org.redress.core.channel.RawSource;
import org.redress.core.channel.SenderIdentity;
import org.redress.core.channel.Visibility;

/**
 * One line of Asterisk's {@code cdr_csv} to an inbound call record. Columns, from {@code build_csv_record()}:
 * accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata, start, answer, end, duration,
 * billsec, disposition, amaflags; then uniqueid (loguniqueid), userfield (loguserfield), and peeraccount,
 * linkedid, sequence (newcdrcolumns).
 */
final class AsteriskCdr {

    static final String MEDIA_TYPE = "text/csv";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Set<String> DISPOSITIONS = Set.of("ANSWERED", "NO ANSWER", "BUSY", "FAILED", "CONGESTION",
            "CANCEL");
    private static final Set<String> WITHHELD = Set.of("", "anonymous", "withheld", "private", "restricted",
            "unknown", "unavailable");
    private static final Pattern CLID = Pattern.compile("^\\s*\"?(.*?)\"?\\s*<([^>]*)>\\s*$");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).build();

    private final int columns;
    private final ZoneId zone;
    private final Set<String> internalContexts;

    /**
     * @param columns          the exact column count, or 0 to accept any Asterisk layout (16 to 21)
     * @param zone             the zone of the PBX's local times
     * @param internalContexts dialplan contexts of the desk's own phones
     */
    AsteriskCdr(int columns, ZoneId zone, List<String> internalContexts) {
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

    Inbound parse(byte[] bytes, String file, long line) {
        String where = file + " line " + line;
        RawSource raw = new RawSource(where, MEDIA_TYPE, bytes);
        String text = new String(bytes, StandardCharsets.UTF_8).replaceFirst("\r$", "");
        List<String> f;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                return Quarantined.of(PhoneLogChannelPlugin.ID, "line " + line + ": not one CSV record", raw);
            }
            f = new ArrayList<>(records.get(0).toList());
        } catch (IOException | RuntimeException e) {
            return Quarantined.of(PhoneLogChannelPlugin.ID, "line " + line + ": broken CSV: " + e.getMessage(), raw);
        }
        Layout layout = Layout.of(f.size());
        if (layout == null || (columns != 0 && f.size() != columns)) {
            String expected = columns == 0 ? "16 to 21" : String.valueOf(columns);
            return Quarantined.of(PhoneLogChannelPlugin.ID, "line " + line + ": expected " + expected
                    + " columns, found " + f.size(), raw);
        }
        String disposition = f.get(14).toUpperCase(Locale.ROOT);
        if (!DISPOSITIONS.contains(disposition)) {
            return Quarantined.of(PhoneLogChannelPlugin.ID, "line " + line + ": disposition '" + f.get(14)
                    + "' is none of " + String.join(", ", DISPOSITIONS.stream().sorted().toList()), raw);
        }
        Instant start;
        try {
            start = LocalDateTime.parse(f.get(9), TIME).atZone(zone).toInstant();
            if (!f.get(10).isEmpty()) {
                LocalDateTime.parse(f.get(10), TIME);
            }
        } catch (DateTimeParseException e) {
            return Quarantined.of(PhoneLogChannelPlugin.ID, "line " + line + ": start '" + f.get(9)
                    + "' or answer '" + f.get(10) + "' is not a time as yyyy-MM-dd HH:mm:ss", raw);
        }
        String uniqueid = field(f, layout.uniqueid);
        String userfield = field(f, layout.userfield);
        String linkedid = field(f, layout.linkedid);
        String externalId = uniqueid.isEmpty() ? "row:" + digest(text) : uniqueid;

        List<String> references = new ArrayList<>();
        if (userfield.startsWith("callback:")) {
            references.add(userfield.substring("callback:".length()).strip());
        }
        if (!linkedid.isEmpty() && !linkedid.equals(uniqueid)) {
            references.add(linkedid);
        }

        String src = f.get(1);
        String name = displayName(f.get(4));
        SenderIdentity caller = WITHHELD.contains(src.toLowerCase(Locale.ROOT))
                ? SenderIdentity.withheld(name) : SenderIdentity.phone(src, name.equals(src) ? "" : name);
        String context = f.get(3);
        boolean ours = internalContexts.contains(context);
        String who = caller.displayName().isEmpty() ? caller.value() : caller.displayName() + " <" + caller.value() + ">";
        String summary = (ours ? "Call by " + who + " to " + f.get(2) : "Call from " + who + " to " + f.get(2))
                + " at " + f.get(9) + ": " + disposition
                + (f.get(10).isEmpty() ? "" : ", talked " + f.get(13) + " s")
                + ", " + f.get(12) + " s in all" + (f.get(7).isEmpty() ? "" : " (" + f.get(7) + " " + f.get(8) + ")");

        InboundMessage.Builder b = InboundMessage.builder(PhoneLogChannelPlugin.ID, externalId)
                .threadReferences(references)
                .sender(caller)
                .sentAt(start)
                .subject((ours ? "Call to " + f.get(2) : "Call from " + caller.value()) + " (" + disposition + ")")
                .text(summary)
                .visibility(Visibility.PRIVATE)
                .attribute("callee", f.get(2))
                .attribute("disposition", disposition)
                .attribute("durationSeconds", f.get(12))
                .attribute("billSeconds", f.get(13))
                .attribute("answeredBy", f.get(6).isEmpty() ? null : f.get(6))
                .attribute("lastApp", f.get(7).isEmpty() ? null : f.get(7))
                .attribute("userfield", userfield.isEmpty() ? null : userfield)
                .attribute("linkedid", linkedid.isEmpty() ? null : linkedid)
                .raw(raw);
        if (ours) {
            b.automated(new Automation(Automation.Kind.OWN_ECHO,
                    "placed by the desk's own phone (context '" + context + "')"));
        }
        return b.build();
    }

    private static String field(List<String> f, int index) {
        return index < 0 ? "" : f.get(index).strip();
    }

    private static String displayName(String clid) {
        Matcher m = CLID.matcher(clid);
        return m.matches() ? m.group(1).strip() : clid.strip();
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
