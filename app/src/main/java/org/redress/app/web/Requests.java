package org.redress.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.redress.core.complaint.Status;
import org.redress.core.remedy.Money;
import org.redress.core.remedy.RemedyKind;
import org.redress.core.staff.Role;

/** Reads what a request carries (JSON bodies, path and query parameters), each wrong value named in a 400. */
final class Requests {

    static final ObjectMapper JSON = new ObjectMapper();

    private Requests() {
    }

    static JsonNode body(Context ctx) {
        String body = ctx.body();
        if (body == null || body.isBlank()) {
            throw new ApiError(400, "a JSON body is required");
        }
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || !n.isObject()) {
                throw new ApiError(400, "the body must be a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new ApiError(400, "the body is not valid JSON: " + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    static String text(JsonNode body, String field) {
        return optionalText(body, field).orElseThrow(() -> new ApiError(400, field + ": required"));
    }

    static Optional<String> optionalText(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isValueNode()) {
            throw new ApiError(400, field + ": must be a single value");
        }
        return Optional.of(n.asText()).filter(s -> !s.isBlank());
    }

    static long version(JsonNode body) {
        JsonNode v = body.get("version");
        if (v == null || !v.canConvertToLong()) {
            throw new ApiError(400, "version: required, the version of the complaint you are changing (from GET)");
        }
        return v.asLong();
    }

    static long number(Context ctx) {
        return longParam(ctx.pathParam("number"), "number");
    }

    static long id(Context ctx) {
        return longParam(ctx.pathParam("id"), "id");
    }

    static long longParam(String s, String name) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw new ApiError(400, name + ": not a number: '" + s + "'");
        }
    }

    static int intParam(String s, int fallback, int min, int max, String name) {
        if (s == null || s.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(s);
            if (v < min || v > max) {
                throw new ApiError(400, name + ": between " + min + " and " + max + ", got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ApiError(400, name + ": not a number: '" + s + "'");
        }
    }

    static Optional<String> query(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(s -> !s.isBlank());
    }

    static Status status(String s) {
        try {
            return Status.valueOf(s.toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "status: one of " + List.of(Status.values()).toString().toLowerCase() + ", got '" + s + "'");
        }
    }

    static Role role(String s) {
        try {
            Role r = Role.valueOf(s.toUpperCase());
            if (r == Role.SYSTEM) {
                throw new IllegalArgumentException();
            }
            return r;
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "role: one of agent, senior, supervisor, executive, admin; got '" + s + "'");
        }
    }

    static RemedyKind remedyKind(String s) {
        try {
            return RemedyKind.valueOf(s.strip().toUpperCase().replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "kind: one of " + List.of(RemedyKind.values()).toString().toLowerCase());
        }
    }

    static Money money(String amount, String currency, String field) {
        String a = amount.strip().replace(',', '.');
        try {
            return Money.of(a, currency);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, field + ": an amount such as 25 or 19.90, got '" + a + "'");
        }
    }

    static Instant instant(String s) {
        try {
            return Instant.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new ApiError(400, "eta: an ISO-8601 instant such as 2026-11-25T12:00:00Z, got '" + s + "'");
        }
    }
}
