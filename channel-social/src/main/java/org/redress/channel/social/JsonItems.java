package org.redress.channel.social;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.Quarantined;
import org.redress.core.channel.RawSource;

/**
 * A network's JSON items to inbound items, in id order with each item's place in it. Shared by export files
 * and live polls, so both read a post the same way; an item that cannot be mapped is quarantined in place.
 */
final class JsonItems {

    /** An item with its place in the order. */
    record Entry(String key, Inbound item) {
    }

    private JsonItems() {
    }

    static List<Entry> map(Iterable<JsonNode> items, Network network, String ownHandle, String location) {
        List<Entry> entries = new ArrayList<>();
        String lastGoodKey = "";
        int index = 0;
        for (JsonNode item : items) {
            index++;
            Optional<String> id = network.id(item);
            String key = id.map(JsonItems::orderKey).orElse(noIdKey(lastGoodKey, index));
            if (id.isPresent()) {
                lastGoodKey = key;
            }
            one(item, index, network, ownHandle, location).ifPresent(i -> entries.add(new Entry(key, i)));
        }
        entries.sort(Comparator.comparing(Entry::key));
        return entries;
    }

    /** An item without an id has no place of its own in the order: it sits just after the item before it. */
    static String noIdKey(String lastGoodKey, int index) {
        return lastGoodKey + "#" + String.format("%06d", index);
    }

    /**
     * One item, the {@code index}th of its source: the message, a quarantine naming what is wrong with it, or
     * empty when it is not a message (a follow or a favourite).
     */
    static Optional<Inbound> one(JsonNode item, int index, Network network, String ownHandle, String location) {
        String where = location + " item " + index;
        byte[] raw = item.toString().getBytes(StandardCharsets.UTF_8);
        if (network.id(item).isEmpty()) {
            return Optional.of(Quarantined.of("item " + index + " has no id",
                    new RawSource(where, "application/json", raw)));
        }
        try {
            return network.map(item, ownHandle).map(b -> b.raw(new RawSource(where, "application/json", raw)).build());
        } catch (RuntimeException e) {
            return Optional.of(Quarantined.of(e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage(), new RawSource(where, "application/json", raw)));
        }
    }

    /** Numeric ids compare as numbers once padded to the same width. */
    static String orderKey(String id) {
        return id.length() >= 20 ? id : "0".repeat(20 - id.length()) + id;
    }

    /** The id back from an order key. */
    static String idOf(String key) {
        int hash = key.indexOf('#');
        String k = hash >= 0 ? key.substring(0, hash) : key;
        String stripped = k.replaceFirst("^0+(?=.)", "");
        return stripped;
    }
}
