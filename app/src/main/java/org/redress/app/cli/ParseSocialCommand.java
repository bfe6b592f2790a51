package org.redress.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.Quarantined;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code redress parse-social}: shows what the social channel makes of an export or API response, one JSON
 * line per post or message. Reaches the channel through the SPI. Stores nothing.
 */
@Command(name = "parse-social", mixinStandardHelpOptions = true,
        description = "Show what the social channel makes of a network's JSON (statuses, notifications, "
                + "conversations or direct-message events), one JSON line per item; stores nothing.")
public final class ParseSocialCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The JSON file.")
    Path file;

    @Option(names = "--network", required = true, paramLabel = "NETWORK", description = "x or mastodon.")
    String network;

    @Option(names = "--own-handle", paramLabel = "HANDLE", description = "The desk's own account, whose posts are its own.")
    String ownHandle;

    @Override
    public Integer call() throws Exception {
        if (!network.equals("x") && !network.equals("mastodon")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown --network '" + network
                    + "': use x or mastodon");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        Map<String, String> raw = new java.util.HashMap<>(Map.of("file", file.toString(), "network", network));
        if (ownHandle != null) {
            raw.put("own-handle", ownHandle);
        }
        ObjectMapper json = new ObjectMapper();
        PrintWriter out = spec.commandLine().getOut();
        ChannelDiagnostics.readAll("social", raw, "parse-social", item -> out.println(json.writeValueAsString(line(item, json))));
        out.flush();
        return 0;
    }

    private ObjectNode line(Inbound item, ObjectMapper json) {
        ObjectNode o = json.createObjectNode();
        if (item instanceof Quarantined q) {
            o.putObject("quarantined").put("reason", q.reason()).put("location", q.raw().location());
            return o;
        }
        InboundMessage m = (InboundMessage) item;
        o.put("externalId", m.externalId());
        o.put("network", network);
        o.put("visibility", m.visibility().name().toLowerCase());
        String value = m.sender().value();
        ObjectNode author = o.putObject("author");
        author.put("handle", value.substring(value.indexOf(':') + 1));
        author.put("name", m.sender().displayName());
        java.util.Optional<Long> followers = m.attribute(InboundMessage.FOLLOWERS);
        if (followers.isPresent()) {
            author.put("followers", followers.get());
        } else {
            author.putNull("followers"); // none given, or a made-up count past a long, which the channel drops
        }
        o.put("text", m.text());
        o.put("createdAt", m.sentAt().toString());
        o.put("inReplyTo", m.threadReferences().isEmpty() ? null : m.threadReferences().get(0));
        o.put("threadKey", m.attribute(InboundMessage.THREAD_KEY).orElse(null));
        o.put("automated", m.automated().map(a -> a.kind().name().toLowerCase() + ": " + a.reason()).orElse(null));
        o.putNull("quarantined");
        return o;
    }
}
