package org.redress.channel.social;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Channel;
import org.redress.core.channel.ChannelException;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.InboundMessage;
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

    /** An item of the file with its place in the order. */
    private record Entry(String key, Inbound item) {
    }

    @Override
    public Batch read(Checkpoint after, int max) throws ChannelException {
        List<Entry> pending = entries().stream()
                .filter(e -> after.isStart() || e.key.compareTo(after.value()) > 0)
                .toList();
        List<Entry> taken = pending.subList(0, Math.min(max, pending.size()));
        Checkpoint next = taken.isEmpty() ? after : Checkpoint.of(taken.get(taken.size() - 1).key);
        return new Batch(taken.stream().map(Entry::item).toList(), next, pending.size() > taken.size());
    }

    private List<Entry> entries() throws ChannelException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ChannelException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        String location = file.getFileName().toString();
        JsonNode document;
        Iterable<JsonNode> items;
        try {
            document = JSON.readTree(bytes);
            if (document == null) {
                throw new IllegalArgumentException("the file is empty");
            }
            items = network.items(document);
        } catch (JsonProcessingException e) {
            return List.of(whole(location, bytes, "malformed JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()));
        } catch (IOException | IllegalArgumentException e) {
            return List.of(whole(location, bytes, e.getMessage()));
        }
        List<Entry> entries = new ArrayList<>();
        String lastGoodKey = "";
        int index = 0;
        for (JsonNode item : items) {
            index++;
            String where = location + " item " + index;
            byte[] raw = item.toString().getBytes(StandardCharsets.UTF_8);
            Optional<String> id = network.id(item);
            if (id.isEmpty()) {
                // no id, no place in the order: it sits just after the item before it in the file
                entries.add(new Entry(lastGoodKey + "#" + String.format("%06d", index), Quarantined.of(SocialChannelPlugin.ID,
                        "item " + index + " has no id", new RawSource(where, "application/json", raw))));
                continue;
            }
            String key = orderKey(id.get());
            lastGoodKey = key;
            try {
                Optional<InboundMessage.Builder> mapped = network.map(item, ownHandle);
                if (mapped.isPresent()) {
                    entries.add(new Entry(key, mapped.get()
                            .raw(new RawSource(where, "application/json", raw)).build()));
                }
            } catch (RuntimeException e) {
                entries.add(new Entry(key, Quarantined.of(SocialChannelPlugin.ID, e.getMessage() == null
                        ? e.getClass().getSimpleName() : e.getMessage(), new RawSource(where, "application/json", raw))));
            }
        }
        entries.sort(Comparator.comparing(Entry::key));
        return entries;
    }

    /** Numeric ids compare as numbers once padded to the same width. */
    private static String orderKey(String id) {
        return id.length() >= 20 ? id : "0".repeat(20 - id.length()) + id;
    }

    private static Entry whole(String location, byte[] bytes, String reason) {
        // '#' sorts before every padded id, so a fixed export is read in full after this
        return new Entry("#", Quarantined.of(SocialChannelPlugin.ID, reason,
                new RawSource(location, "application/json", bytes.length == 0 ? location.getBytes(StandardCharsets.UTF_8) : bytes)));
    }

    @Override
    public void close() {
        // nothing held open between reads
    }
}
