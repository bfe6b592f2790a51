package org.redress.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.Quarantined;
import org.redress.core.promise.PromiseExtractor;
import org.redress.core.promise.PromisedTime;
import org.redress.core.time.BusinessCalendar;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code redress parse-calls}: shows what the phone-log channel makes of a file, one JSON line per call (rows
 * of one call grouped), note, or quarantined line. Reaches the channel through the SPI, as the desk does.
 * Stores nothing.
 */
@Command(name = "parse-calls", mixinStandardHelpOptions = true,
        description = "Show what the phone-log channel makes of a call log, CTI event log or notes file "
                + "(one JSON line per call); stores nothing.")
public final class ParseCallsCommand implements Callable<Integer> {

    private static final Pattern FORMAT = Pattern.compile("asterisk|freeswitch|cti|notes|mapping=(.+)");
    private static final Pattern LINE = Pattern.compile("(?:line|record) (\\d+)");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to read.")
    Path file;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "asterisk, freeswitch, cti, notes, or mapping=FILE (a column-mapping file).")
    String format;

    @Option(names = "--region", paramLabel = "CODE",
            description = "Region of national numbers, for E.164 (for example GB, RO).")
    String region;

    @Option(names = "--time-zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Zone of the PBX's local times and of the business day for promises (default: ${DEFAULT-VALUE}).")
    String zone;

    @Option(names = "--lang", paramLabel = "CODE", defaultValue = "en",
            description = "Language of the notes, for finding promises (default: ${DEFAULT-VALUE}).")
    String language;

    @Override
    public Integer call() throws Exception {
        Matcher m = FORMAT.matcher(format);
        if (!m.matches()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown --format '" + format
                    + "': use asterisk, freeswitch, cti, notes or mapping=FILE");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--time-zone '" + zone + "' is no time zone");
        }
        Map<String, String> raw = new HashMap<>();
        raw.put("file", file.toString());
        raw.put("settle", "PT0S"); // a file given to parse is read as it is, its last line included
        raw.put("format", m.group(1) == null ? format : "mapping");
        if (m.group(1) != null) {
            raw.put("mapping", m.group(1));
        }
        if (region != null) {
            raw.put("default-region", region);
        }
        raw.put("time-zone", zone);

        PromiseExtractor promises = new PromiseExtractor(BusinessCalendar.weekdays(zoneId, LocalTime.of(9, 0),
                LocalTime.of(17, 0), Set.of()));
        ObjectMapper json = new ObjectMapper();
        PrintWriter out = spec.commandLine().getOut();
        ChannelDiagnostics.readAll("phone-log", raw, "parse-calls",
                item -> out.println(json.writeValueAsString(line(item, json, promises))));
        out.flush();
        return 0;
    }

    private ObjectNode line(Inbound item, ObjectMapper json, PromiseExtractor promises) {
        ObjectNode o = json.createObjectNode();
        if (item instanceof Quarantined q) {
            Matcher n = LINE.matcher(q.raw().location());
            ObjectNode why = o.putObject("quarantined");
            if (n.find()) {
                why.put("line", Long.parseLong(n.group(1)));
            }
            why.put("reason", q.reason());
            why.put("location", q.raw().location());
            return o;
        }
        InboundMessage msg = (InboundMessage) item;
        Map<String, String> a = msg.attributes();
        boolean note = !a.containsKey("outcome");
        o.put("callId", a.getOrDefault("callId", note ? null : msg.externalId()));
        o.put("caller", a.get("caller"));
        o.put("callee", a.get("callee"));
        o.put("start", msg.sentAt().toString());
        o.put("direction", a.get("direction"));
        o.put("answeredBy", a.get("answeredBy"));
        if (a.containsKey("durationSeconds")) {
            o.put("durationSeconds", Long.parseLong(a.get("durationSeconds")));
        } else {
            o.putNull("durationSeconds");
        }
        o.put("outcome", a.get("outcome"));
        o.put("notes", note ? msg.text() : null);
        ArrayNode list = o.putArray("promises");
        if (note) {
            Optional.ofNullable(a.get("callbackDue")).ifPresent(due -> list.addObject()
                    .put("text", a.getOrDefault("callbackStatedAs", "callback")).put("due", due).put("source", "structured"));
            for (PromisedTime p : promises.extract(msg.text(), language, msg.sentAt())) {
                list.addObject().put("text", p.sentence()).put("due", p.due().toString()).put("source", "text");
            }
        }
        ArrayNode refs = o.putArray("references");
        msg.threadReferences().forEach(refs::add);
        if (msg.automated().isPresent()) {
            o.put("automated", msg.automated().get().reason());
        }
        o.putNull("quarantined");
        return o;
    }
}
