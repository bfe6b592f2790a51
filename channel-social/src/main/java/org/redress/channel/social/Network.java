package org.redress.channel.social;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import org.redress.core.channel.InboundMessage;

/** How one network's JSON maps to inbound messages. */
interface Network {

    /** The name used in identities: {@code x}, {@code mastodon}. */
    String name();

    /**
     * Where a document that is a JSON object keeps its items, by field: an array of them, or one. A document that
     * is an array is its items. Export files are read as a stream by these, so a large one is never held whole.
     */
    Map<String, Holds> itemFields();

    /** What an export must look like, said when a document holds no items. */
    String expected();

    /** How a field holds items. */
    enum Holds {
        /** An array of items. */
        MANY,
        /** One item. */
        ONE
    }

    /** The item's id, or empty when it has none (then it is quarantined). */
    Optional<String> id(JsonNode item);

    /**
     * Maps one item; returns empty for items that are not messages (a follow or a favourite notification).
     *
     * @throws IllegalArgumentException naming the field that is missing or malformed
     */
    Optional<InboundMessage.Builder> map(JsonNode item, String ownHandle);
}
