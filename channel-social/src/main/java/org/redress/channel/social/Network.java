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
        ONE,
        /** An array of items, or one item (X v2's {@code data}, which is one for a single post). */
        EITHER
    }

    /**
     * Fields of a document object that hold what its items refer to rather than items (X v2's {@code includes}
     * with the accounts that posts name by id). Their values are given to {@link #withContext} before any item
     * of the document is mapped.
     */
    default java.util.Set<String> contextFields() {
        return java.util.Set.of();
    }

    /** This network mapping items with what the {@link #contextFields} held; the default ignores it. */
    default Network withContext(java.util.List<JsonNode> context) {
        return this;
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
