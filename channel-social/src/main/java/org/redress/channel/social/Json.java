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

    /** A count such as followers, when the field holds a whole number of zero or more (as a number or as digits). */
    static Optional<Long> count(JsonNode node, String field) {
        return count(text(node, field).orElse(null));
    }

    /** A count from text, when the text is a whole number of zero or more that fits a long. */
    static Optional<Long> count(String text) {
        if (text == null || !text.strip().matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text.strip()));
    }

    static String required(JsonNode node, String field, String where) {
        return text(node, field).orElseThrow(() -> new IllegalArgumentException(where + " has no '" + field + "'"));
    }
}
