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
            String where = location + " item " + index;
            byte[] raw = item.toString().getBytes(StandardCharsets.UTF_8);
            Optional<String> id = network.id(item);
            if (id.isEmpty()) {
                // no id, no place in the order: it sits just after the item before it
                entries.add(new Entry(lastGoodKey + "#" + String.format("%06d", index), Quarantined.of(SocialChannelPlugin.ID,
                        "item " + index + " has no id", new RawSource(where, "application/json", raw))));
                continue;
            }
            String key = orderKey(id.get());
            lastGoodKey = key;
            try {
                Optional<InboundMessage.Builder> mapped = network.map(item, ownHandle);
                mapped.ifPresent(b -> entries.add(new Entry(key, b.raw(new RawSource(where, "application/json", raw)).build())));
            } catch (RuntimeException e) {
                entries.add(new Entry(key, Quarantined.of(SocialChannelPlugin.ID, e.getMessage() == null
                        ? e.getClass().getSimpleName() : e.getMessage(), new RawSource(where, "application/json", raw))));
            }
        }
        entries.sort(Comparator.comparing(Entry::key));
        return entries;
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
