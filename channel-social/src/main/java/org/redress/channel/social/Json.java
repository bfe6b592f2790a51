package org.redress.channel.social;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Field access that names the missing field, so a quarantine reason says what was wrong. */
final class Json {

    private Json() {
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() && !v.asText().isEmpty() ? Optional.of(v.asText()) : Optional.empty();
    }

    static String required(JsonNode node, String field, String where) {
        return text(node, field).orElseThrow(() -> new IllegalArgumentException(where + " has no '" + field + "'"));
    }
}
