package org.redress.channel.social;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.redress.core.channel.InboundMessage;

/**
 * X's JSON in either API version, told apart item by item: v1.1 statuses and direct-message events
 * ({@link XV1}), v2 posts and direct-message events ({@link XV2}). An export may mix them; a post has the same
 * id in both, so it is taken once.
 */
final class XJson implements Network {

    private final XV1 v1;
    private final XV2 v2;

    XJson(String ownUserId) {
        this(new XV1(ownUserId), new XV2(ownUserId, Map.of()));
    }

    private XJson(XV1 v1, XV2 v2) {
        this.v1 = v1;
        this.v2 = v2;
    }

    @Override
    public String name() {
        return "x";
    }

    @Override
    public Map<String, Holds> itemFields() {
        return Map.of("statuses", Holds.MANY, "events", Holds.MANY, "event", Holds.ONE, "data", Holds.EITHER);
    }

    @Override
    public Set<String> contextFields() {
        return Set.of("includes");
    }

    @Override
    public Network withContext(List<JsonNode> context) {
        return context.isEmpty() ? this : new XJson(v1, v2.withUsers(context));
    }

    @Override
    public String expected() {
        return "expected a JSON array of statuses, an object with 'statuses' or direct-message 'events' (API v1.1), "
                + "or an object with 'data' (API v2 posts or direct-message events)";
    }

    @Override
    public Optional<String> id(JsonNode item) {
        return v1.id(item);
    }

    @Override
    public Optional<InboundMessage.Builder> map(JsonNode item, String ownHandle) {
        return XV2.isV2(item) ? v2.map(item, ownHandle) : v1.map(item, ownHandle);
    }
}
