package org.redress.channel.phonelog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.redress.core.channel.CallAttributes;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.RawSource;
import org.redress.core.channel.Visibility;

/**
 * What agents wrote about calls, one note per JSON line:
 * {@code {"call_ref":{"system":"asterisk","uniqueid":"…"},"caller":"+44…","agent":"201","written_at":"…",
 * "text":"…","callback_promise":{"due":"…","to":"…","stated_as":"…"},"fulfils_callback_for":{…}}}, or CSV with the
 * columns call_id, caller, agent, written_at, text and optionally callback_due. A note links to its call by
 * the call's id, or, without one, by the caller's number and the time it was written.
 */
final class AgentNotes {

    static final String AGENT = CallAttributes.AGENT.key();
    static final String CALLBACK_DUE = CallAttributes.CALLBACK_DUE.key();
    static final String CALLBACK_TO = "callbackTo";
    static final String CALLBACK_STATED_AS = CallAttributes.CALLBACK_STATED_AS.key();
    static final String FULFILS = "fulfils";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PhoneNumbers numbers;

    AgentNotes(PhoneNumbers numbers) {
        this.numbers = numbers;
    }

    /** One JSON line to a note. */
    InboundMessage json(byte[] bytes, String location, Instant fallbackTime) {
        JsonNode n;
        try {
            n = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        String callRef = ref(n.get("call_ref"));
        if (callRef.isEmpty()) {
            callRef = text(n, "call_id");
        }
        Map<String, String> fields = new java.util.HashMap<>();
        fields.put("callRef", callRef);
        fields.put("caller", text(n, "caller"));
        fields.put(AGENT, text(n, "agent"));
        fields.put("writtenAt", text(n, "written_at"));
        fields.put("text", text(n, "text"));
        JsonNode promise = n.get("callback_promise");
        if (promise != null && promise.isObject()) {
            fields.put(CALLBACK_DUE, text(promise, "due"));
            fields.put(CALLBACK_TO, text(promise, "to"));
            fields.put(CALLBACK_STATED_AS, text(promise, "stated_as"));
        }
        fields.put(FULFILS, ref(n.get("fulfils_callback_for")));
        return note(fields, bytes, location, fallbackTime);
    }

    /** One CSV record (by header name) to a note. */
    InboundMessage csv(Map<String, String> record, byte[] bytes, String location, Instant fallbackTime) {
        Map<String, String> fields = new java.util.HashMap<>();
        fields.put("callRef", record.getOrDefault("call_id", ""));
        fields.put("caller", record.getOrDefault("caller", ""));
        fields.put(AGENT, record.getOrDefault("agent", ""));
        fields.put("writtenAt", record.getOrDefault("written_at", ""));
        fields.put("text", record.getOrDefault("text", ""));
        fields.put(CALLBACK_DUE, record.getOrDefault("callback_due", ""));
        return note(fields, bytes, location, fallbackTime);
    }

    private InboundMessage note(Map<String, String> f, byte[] bytes, String location, Instant fallbackTime) {
        String text = f.getOrDefault("text", "").strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the note has no text");
        }
        String caller = f.getOrDefault("caller", "");
        if (f.get("callRef").isEmpty() && caller.isEmpty()) {
            throw new IllegalArgumentException("the note names neither its call (call_ref, call_id) nor the caller");
        }
        Instant written = time(f.get("writtenAt"), "written_at").orElse(fallbackTime);
        String due = f.getOrDefault(CALLBACK_DUE, "");
        if (!due.isEmpty()) {
            time(due, "callback due").orElseThrow();
        }
        String callRef = f.get("callRef");
        List<String> refs = new ArrayList<>();
        if (!callRef.isEmpty()) {
            refs.add(callRef);
        }
        String fulfils = f.getOrDefault(FULFILS, "");
        if (!fulfils.isEmpty()) {
            refs.add(fulfils);
        }
        String agent = f.getOrDefault(AGENT, "");
        String id = "note:" + (callRef.isEmpty() ? numbers.normalise(caller) + "@" + written : callRef) + ":"
                + Digest.of(bytes);
        InboundMessage.Builder b = InboundMessage.builder(id)
                .threadReferences(refs)
                .sender(numbers.identity(caller.isEmpty() ? "withheld" : caller, ""))
                .sentAt(written)
                .subject("Call notes" + (agent.isEmpty() ? "" : " by " + agent))
                .text(text)
                .visibility(Visibility.PRIVATE)
                .attribute(CallAttributes.CALL_ID, callRef.isEmpty() ? null : callRef)
                .attribute(CallAttributes.CALLER, caller.isEmpty() ? null : numbers.normalise(caller))
                .attribute(CallAttributes.AGENT, agent.isEmpty() ? null : agent)
                .attribute(CallAttributes.CALLBACK_DUE, due.isEmpty() ? null : time(due, "callback due").get())
                .attribute(CALLBACK_TO, blankToNull(f.get(CALLBACK_TO)))
                .attribute(CallAttributes.CALLBACK_STATED_AS, blankToNull(f.get(CALLBACK_STATED_AS)))
                .attribute(FULFILS, fulfils.isEmpty() ? null : fulfils)
                .raw(new RawSource(location, "application/json", bytes));
        return b.build();
    }

    private static java.util.Optional<Instant> time(String value, String field) {
        if (value == null || value.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(OffsetDateTime.parse(value.strip()).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " '" + value + "' is not ISO-8601 with an offset");
        }
    }

    private static String ref(JsonNode r) {
        if (r == null || !r.isObject()) {
            return r != null && r.isTextual() ? r.asText() : "";
        }
        for (String k : List.of("uniqueid", "linkedid", "uuid", "callId", "call_id", "CallSid", "sid")) {
            if (r.hasNonNull(k)) {
                return r.get(k).asText();
            }
        }
        return "";
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
