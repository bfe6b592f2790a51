package org.redress.channel.social;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.Quarantined;
import org.redress.core.channel.RawSource;

/**
 * A JSON file in a network's own format. Items are taken in id order, oldest first, and the checkpoint is the
 * last id taken, as an API's since-id would be; so a newer export of the same account picks up where the
 * last one ended.
 */
final class ExportFileChannel implements Channel {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Network network;
    private final String ownHandle;

    ExportFileChannel(Path file, Network network, String ownHandle) {
        this.file = file;
        this.network = network;
        this.ownHandle = ownHandle;
    }

    /** Past this, a file that cannot be read at all is kept in quarantine by its start: the file itself stays in place. */
    static final int RAW_KEPT = 16 << 20;

    @Override
    public Batch read(Checkpoint after, int max) throws ChannelException {
        Parsed now = parsed();
        if (now.failure != null) {
            // the quarantine sits just after what was already read: a file that breaks after part of it was taken is
            // still reported, and once fixed it is read on from there; a file broken anew is reported anew
            String base = after.isStart() ? "" : after.value().replaceFirst("#!.*$", "");
            String key = base + "#!" + now.size + "." + now.time;
            return after.value().equals(key) ? new Batch(List.of(), after, false)
                    : new Batch(List.of(now.failure), Checkpoint.of(key), false);
        }
        ExportIndex index = now.index;
        int from = after.isStart() ? 0 : index.firstAfter(after.value());
        int to = (int) Math.min((long) from + max, index.size());
        JsonNode[] nodes;
        try {
            nodes = index.read(file, from, to, JSON);
        } catch (IOException e) {
            parsed = null; // the file changed under the index: it is indexed again on the next read
            throw new ChannelException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        List<Inbound> items = new ArrayList<>();
        Network mapping = index.network(network);
        for (int i = from; i < to; i++) {
            JsonItems.one(nodes[i - from], index.place(i), mapping, ownHandle, file.getFileName().toString())
                    .ifPresent(items::add);
        }
        Checkpoint next = to == from ? after : Checkpoint.of(index.key(to - 1));
        return new Batch(items, next, to < index.size(), to, index.size());
    }

    /** The file as last indexed, or why it could not be: one or the other. */
    private record Parsed(ExportIndex index, Quarantined failure, long size, long time) {
    }

    private Parsed parsed;

    /** The file is indexed again only when its size or time changed, so a batch does not read it whole. */
    private Parsed parsed() throws ChannelException {
        try {
            long size = Files.size(file);
            long time = Files.getLastModifiedTime(file).toMillis();
            if (parsed == null || size != parsed.size || time != parsed.time) {
                parsed = index(size, time);
            }
            return parsed;
        } catch (IOException e) {
            throw new ChannelException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private Parsed index(long size, long time) throws IOException {
        String location = file.getFileName().toString();
        try {
            return new Parsed(ExportIndex.of(file, network, JSON), null, size, time);
        } catch (JsonProcessingException e) {
            // past Jackson's limits (nesting, a number's digits, a string's length) the message names the limit
            JsonLocation at = e.getLocation();
            return new Parsed(null, whole(location, size, "malformed JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())), size, time);
        } catch (java.io.CharConversionException | RuntimeException e) {
            return new Parsed(null, whole(location, size, e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()), size, time);
        }
    }

    private Quarantined whole(String location, long size, String reason) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(RAW_KEPT);
        }
        if (size > RAW_KEPT) {
            reason += " (the first " + (RAW_KEPT >> 20) + " MB are kept here; the whole file is " + file.toAbsolutePath() + ")";
        }
        return Quarantined.of(reason,
                new RawSource(location, "application/json", bytes.length == 0 ? location.getBytes(StandardCharsets.UTF_8) : bytes));
    }

    @Override
    public void close() {
        // nothing held open between reads
    }
}
