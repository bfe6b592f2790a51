package org.redress.channel.social;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.Checkpoint;
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

    @Override
    public Batch read(Checkpoint after, int max) throws ChannelException {
        List<JsonItems.Entry> pending = entries().stream()
                .filter(e -> after.isStart() || e.key().compareTo(after.value()) > 0)
                .toList();
        List<JsonItems.Entry> taken = pending.subList(0, Math.min(max, pending.size()));
        Checkpoint next = taken.isEmpty() ? after : Checkpoint.of(taken.get(taken.size() - 1).key());
        return new Batch(taken.stream().map(JsonItems.Entry::item).toList(), next, pending.size() > taken.size());
    }

    /** The file's entries as last parsed, and the size and time they were parsed at: a batch does not parse it again. */
    private List<JsonItems.Entry> parsed;
    private long parsedSize = -1;
    private long parsedTime = -1;

    private List<JsonItems.Entry> entries() throws ChannelException {
        try {
            long size = Files.size(file);
            long time = Files.getLastModifiedTime(file).toMillis();
            if (parsed == null || size != parsedSize || time != parsedTime) {
                parsed = parse();
                parsedSize = size;
                parsedTime = time;
            }
            return parsed;
        } catch (IOException e) {
            throw new ChannelException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private List<JsonItems.Entry> parse() throws ChannelException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ChannelException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        String location = file.getFileName().toString();
        List<JsonNode> items = new java.util.ArrayList<>();
        try (com.fasterxml.jackson.core.JsonParser documents = JSON.getFactory().createParser(bytes)) {
            // an export may be several documents one after another (two arrays pasted together): each is read
            int read = 0;
            while (documents.nextToken() != null) {
                network.items(JSON.readTree(documents)).forEach(items::add);
                read++;
            }
            if (read == 0) {
                throw new IllegalArgumentException("the file is empty");
            }
        } catch (JsonProcessingException e) {
            // past Jackson's limits (nesting, a number's digits, a string's length) the message names the limit
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            return List.of(whole(location, bytes, "malformed JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())));
        } catch (IOException | RuntimeException e) {
            return List.of(whole(location, bytes, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        return JsonItems.map(items, network, ownHandle, location);
    }

    private static JsonItems.Entry whole(String location, byte[] bytes, String reason) {
        // '#' sorts before every padded id, so a fixed export is read in full after this
        return new JsonItems.Entry("#", Quarantined.of(SocialChannelPlugin.ID, reason,
                new RawSource(location, "application/json", bytes.length == 0 ? location.getBytes(StandardCharsets.UTF_8) : bytes)));
    }

    @Override
    public void close() {
        // nothing held open between reads
    }
}
