package org.redress.channel.phonelog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One CTI event in the shape of Zammad's generic CTI API: {@code newCall}, {@code answer} or {@code hangup},
 * with {@code from}, {@code to}, {@code direction} (in|out), {@code callId} (or {@code call_id}), {@code user}
 * (a string or an array), {@code queue}, {@code answeringNumber}, {@code cause}; and, for a replayed log, an
 * optional ISO-8601 {@code timestamp} (a live endpoint stamps events as they arrive).
 */
record CtiEvent(String event, String from, String to, String direction, String callId, List<String> user,
                String queue, String answeringNumber, String cause, Instant timestamp) {

    static final Set<String> EVENTS = Set.of("newCall", "answer", "hangup");
    static final Set<String> CAUSES = Set.of("normalClearing", "busy", "cancel", "noAnswer", "congestion", "notFound",
            "forwarded");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads and validates one event.
     *
     * @throws IllegalArgumentException saying what is wrong, in words a PBX integrator can act on
     */
    static CtiEvent parse(byte[] bytes) {
        JsonNode n;
        try {
            n = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        String event = text(n, "event");
        if (!EVENTS.contains(event)) {
            throw new IllegalArgumentException("Invalid 'event' '" + event + "': expected newCall, answer or hangup");
        }
        String direction = text(n, "direction");
        if (!direction.equals("in") && !direction.equals("out")) {
            throw new IllegalArgumentException("Invalid 'direction' '" + direction + "': expected in or out");
        }
        String callId = text(n, "callId").isEmpty() ? text(n, "call_id") : text(n, "callId");
        if (callId.isEmpty()) {
            throw new IllegalArgumentException("no 'callId'");
        }
        String cause = text(n, "cause");
        if (event.equals("hangup") && !cause.isEmpty() && !CAUSES.contains(cause)) {
            throw new IllegalArgumentException("Invalid 'cause' '" + cause + "': expected one of " + String.join(", ", CAUSES));
        }
        List<String> user = new ArrayList<>();
        JsonNode u = n.has("user") ? n.get("user") : n.get("caller");
        if (u != null && u.isArray()) {
            u.forEach(x -> user.add(x.asText()));
        } else if (u != null && u.isTextual()) {
            user.add(u.asText());
        }
        Instant at = null;
        String ts = text(n, "timestamp");
        if (!ts.isEmpty()) {
            try {
                at = OffsetDateTime.parse(ts).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("timestamp '" + ts + "' is not ISO-8601 with an offset");
            }
        }
        return new CtiEvent(event, text(n, "from"), text(n, "to"), direction, callId, user, text(n, "queue"),
                text(n, "answeringNumber"), cause, at);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
