package ${package};

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.redress.core.channel.Automation;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelContext;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.DeliveryResult;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.OutboundReply;
import org.redress.core.channel.Quarantined;
import org.redress.core.channel.RawSource;
import org.redress.core.channel.ReplyingChannel;
import org.redress.core.channel.SenderIdentity;

/**
 * One configured ${channelName} source. This sample reads {@code messages.tsv} in a folder, one message a line:
 * id, sent at (ISO-8601), sender's address, the id it answers (or nothing), why it is automated (or nothing), text;
 * columns separated by tabs. Replace {@link #read} with your source; keep its contract (see {@link Channel}): no side
 * effect while reading, the same ids on every read, a bad item quarantined instead of thrown.
 *
 * <p>The checkpoint is the number of lines read; the desk stores it and hands it back, and never looks inside.
 */
public class ${className}Channel implements Channel {

    static final String MESSAGES = "messages.tsv";
    private static final String MEDIA_TYPE = "text/tab-separated-values";

    protected final Path folder;
    protected final ChannelContext context;

    ${className}Channel(Path folder, ChannelContext context) {
        this.folder = folder;
        this.context = context;
    }

    @Override
    public Batch read(Checkpoint after, int max) throws ChannelException {
        List<String> lines = lines();
        int start = after.isStart() ? 0 : Integer.parseInt(after.value());
        List<Inbound> items = new ArrayList<>();
        int at = start;
        while (at < lines.size() && items.size() < max) {
            String line = lines.get(at++);
            if (!line.isBlank()) {
                items.add(item(line, at));
            }
        }
        Checkpoint next = at == start ? after : Checkpoint.of(Integer.toString(at));
        return new Batch(items, next, at < lines.size(), at, lines.size());
    }

    private List<String> lines() throws ChannelException {
        Path file = folder.resolve(MESSAGES);
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ChannelException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** One line as a message, or quarantined with the reason when it cannot be one. */
    private Inbound item(String line, int number) {
        RawSource raw = new RawSource(MESSAGES + " line " + number, MEDIA_TYPE, line.getBytes(StandardCharsets.UTF_8));
        String[] columns = line.split("\t", -1);
        if (columns.length != 6) {
            return Quarantined.of("line " + number + ": expected 6 tab-separated columns, found " + columns.length, raw);
        }
        if (columns[0].isBlank() || !columns[2].contains("@")) {
            return Quarantined.of("line " + number + ": a message needs an id and a sender's address", raw);
        }
        Instant sentAt;
        try {
            sentAt = Instant.parse(columns[1]);
        } catch (DateTimeParseException e) {
            return Quarantined.of("line " + number + ": '" + columns[1] + "' is no ISO-8601 instant such as 2026-11-23T09:00:00Z", raw);
        }
        InboundMessage.Builder message = InboundMessage.builder(columns[0])
                .sender(SenderIdentity.email(columns[2], ""))
                .sentAt(sentAt)
                .text(columns[5])
                .threadReferences(columns[3].isBlank() ? List.of() : List.of(columns[3]))
                .raw(raw);
        if (!columns[4].isBlank()) {
            message.automated(new Automation(Automation.Kind.AUTO_REPLY, "automated: " + columns[4]));
        }
        return message.build();
    }

    @Override
    public void close() {
        // nothing held open between reads
    }

    /**
     * An instance that also answers: each reply becomes a file in the folder's {@code outbox}, named by its reply id,
     * so a second delivery of the same reply finds the file and sends nothing again.
     */
    static final class Replying extends ${className}Channel implements ReplyingChannel {

        Replying(Path folder, ChannelContext context) {
            super(folder, context);
        }

        @Override
        public DeliveryResult deliver(OutboundReply reply) {
            String name = URLEncoder.encode(reply.replyId(), StandardCharsets.UTF_8) + ".txt";
            DeliveryResult.Delivered delivered = new DeliveryResult.Delivered("${channelId}:" + name);
            try {
                Path outbox = Files.createDirectories(folder.resolve("outbox"));
                Path file = outbox.resolve(name);
                if (Files.exists(file)) {
                    return delivered;
                }
                Path partial = Files.createTempFile(outbox, ".sending-", ".tmp");
                Files.writeString(partial, "To: " + reply.recipient().value() + "\nSubject: " + reply.subject()
                        + "\nSent: " + context.clock().instant() + "\n\n" + reply.text(), StandardCharsets.UTF_8);
                // moved whole into place: a crash leaves no half reply that would count as sent
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
                return delivered;
            } catch (IOException e) {
                return new DeliveryResult.Failed("cannot write the reply to " + folder.resolve("outbox") + ": " + e.getMessage(), true);
            }
        }
    }
}
