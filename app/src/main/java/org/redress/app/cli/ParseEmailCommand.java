package org.redress.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.redress.core.channel.Attachment;
import org.redress.core.channel.Automation;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.Quarantined;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code redress parse-email}: shows what the email channel makes of mail files, one JSON line per file (or
 * per message of an mbox), through the channel SPI like everything else. Stores nothing.
 */
@Command(name = "parse-email", mixinStandardHelpOptions = true,
        description = "Show what the email channel makes of .eml files (or an mbox with --mbox), one JSON line per "
                + "message: sender, subject, the clean new text, the full text, machine mail, threading, attachments, "
                + "language; stores nothing.")
public final class ParseEmailCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Mail files (.eml, one message each).")
    List<Path> files;

    @Option(names = "--mbox", description = "The files are mbox files holding many messages each.")
    boolean mbox;

    @Option(names = "--own-address", paramLabel = "ADDRESS", description = "An address the desk sends from (its mail is our own echo).")
    List<String> ownAddresses = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        ObjectMapper json = new ObjectMapper();
        PrintWriter out = spec.commandLine().getOut();
        int failed = 0;
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                spec.commandLine().getErr().println("parse-email: " + file + ": no such file");
                failed++;
                continue;
            }
            Map<String, String> settings = new java.util.HashMap<>(Map.of("source", mbox ? "mbox" : "eml", "path", file.toString()));
            if (!ownAddresses.isEmpty()) {
                settings.put("own-addresses", String.join(",", ownAddresses));
            }
            ChannelDiagnostics.readAll("email", settings, "parse-email",
                    item -> out.println(json.writeValueAsString(line(item, file, json))));
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    static ObjectNode line(Inbound item, Path file, ObjectMapper json) {
        ObjectNode o = json.createObjectNode();
        o.put("file", file.toString());
        if (item instanceof Quarantined q) {
            o.putNull("messageId");
            o.put("quarantined", q.reason());
            o.put("location", q.raw().location());
            return o;
        }
        InboundMessage m = (InboundMessage) item;
        o.put("messageId", m.externalId());
        o.putObject("from").put("address", m.sender().value()).put("name", m.sender().displayName());
        ArrayNode to = o.putArray("to");
        for (String a : split(m.attributes().get("to"), ",")) {
            to.add(a);
        }
        o.put("subject", m.subject());
        o.put("date", m.sentAt().toString());
        o.put("text", m.text());
        o.put("fullText", m.attribute(InboundMessage.FULL_TEXT).orElse(m.text()));
        if (m.automated().isPresent()) {
            o.put("automated", automated(m.automated().get().kind()));
            o.put("automatedBecause", m.automated().get().reason());
        } else {
            o.put("automated", false);
        }
        o.put("noAutomaticAnswer", m.isAutomated() || m.attribute(InboundMessage.NO_AUTOMATIC_ANSWER).orElse(false));
        o.put("inReplyTo", m.attributes().get("inReplyTo"));
        ArrayNode refs = o.putArray("references");
        for (String r : split(m.attributes().get("references"), " ")) {
            refs.add(r);
        }
        ArrayNode thread = o.putArray("threadReferences");
        m.threadReferences().forEach(thread::add);
        java.util.Optional<Long> tag = m.attribute(InboundMessage.COMPLAINT_REF);
        if (tag.isEmpty()) {
            o.putNull("complaintRef");
        } else {
            o.put("complaintRef", tag.get());
        }
        ArrayNode attachments = o.putArray("attachments");
        for (Attachment a : m.attachments()) {
            attachments.addObject().put("filename", a.name()).put("contentType", a.mediaType()).put("size", a.size());
        }
        String text = m.text().isBlank() ? m.subject() : m.subject() + "\n" + m.text();
        o.put("language", m.languageHint().map(h -> h.toLowerCase(Locale.ROOT).replaceAll("[-_].*", ""))
                .filter(TextCommands.LANGUAGES::contains)
                .or(() -> TextCommands.detection().detect(text)).orElse(null));
        o.putNull("quarantined");
        return o;
    }

    private static String automated(Automation.Kind kind) {
        return switch (kind) {
            case AUTO_REPLY, BOT -> "auto-reply";
            case OUT_OF_OFFICE -> "out-of-office";
            case BOUNCE -> "bounce";
            case LIST -> "list";
            case OWN_ECHO -> "loop";
        };
    }

    private static List<String> split(String value, String separator) {
        return value == null || value.isBlank() ? List.of() : List.of(value.split(separator));
    }
}
