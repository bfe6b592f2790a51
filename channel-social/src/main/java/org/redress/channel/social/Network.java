package org.redress.channel.social;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.redress.core.channel.InboundMessage;

/** How one network's JSON maps to inbound messages. */
interface Network {

    /** The name used in identities: {@code x}, {@code mastodon}. */
    String name();

    /** The posts or messages a document holds, in the order the document lists them. */
    Iterable<JsonNode> items(JsonNode document);

    /** The item's id, or empty when it has none (then it is quarantined). */
    Optional<String> id(JsonNode item);

    /**
     * Maps one item; returns empty for items that are not messages (a follow or a favourite notification).
     *
     * @throws IllegalArgumentException naming the field that is missing or malformed
     */
    Optional<InboundMessage.Builder> map(JsonNode item, String ownHandle);
}
