package org.redress.app.web;

import static java.util.Map.entry;

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
        return Optional.of(checked(field, n.asText())).filter(s -> !s.isBlank());
    }

    /**
     * The longest each field may be, by name, as the database keeps it: a value past it is refused here, naming the
     * field, instead of failing in the database. Fields not named are texts (a reply, a note, a complaint).
     */
    private static final java.util.Map<String, Integer> LIMITS = java.util.Map.ofEntries(
            entry("username", 100), entry("user", 100), entry("displayName", 300),
            entry("team", 100), entry("owner", 100), entry("toTeam", 100),
            entry("toOwner", 100), entry("role", 32), entry("title", 500),
            entry("category", 100), entry("area", 200), entry("terms", 1000),
            entry("resolution", 4000), entry("reason", 2000), entry("name", 200),
            entry("comment", 2000), entry("correction", 2000), entry("currency", 3),
            entry("kind", 32), entry("language", 16), entry("subject", 2000),
            entry("email", 500), entry("phone", 64), entry("handle", 500),
            entry("via", 32), entry("to", 32), entry("eta", 64),
            entry("etaInstant", 64), entry("password", 200), entry("expiresIn", 32),
            entry("claimed", 32), entry("offered", 32), entry("decision", 32),
            entry("callId", 300), entry("direction", 16), entry("step", 32),
            entry("next", 500), entry("token", 200));
    /** A reply, a note, a complaint's text: long, but not without end. */
    static final int TEXT_LIMIT = 100_000;

    /** Bidirectional overrides and isolates: they make a name or subject read differently than it is. */
    private static final java.util.regex.Pattern BIDI_CONTROLS = java.util.regex.Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069]");

    /** A field's value within its limit, without bidirectional controls; a 400 naming the field otherwise. */
    static String checked(String field, String value) {
        if (value == null) {
            return null;
        }
        int limit = LIMITS.getOrDefault(field, TEXT_LIMIT);
        if (value.length() > limit) {
            throw new ApiError(400, field + ": at most " + limit + " characters, got " + value.length());
        }
        return BIDI_CONTROLS.matcher(value).replaceAll("");
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

    /**
     * What a list of complaints is narrowed down by and sorted by, from its query: {@code priority} (P1…P4),
     * {@code channel}, {@code category}, {@code language}, {@code clock} (breached, warning) with an optional {@code metric},
     * and {@code sort} (urgency, deadline, newest, oldest, updated). A value out of its set is refused, naming the set.
     */
    static org.redress.app.store.Queue.Narrowing narrowing(Context ctx) {
        Optional<String> priority = query(ctx, "priority").map(p -> p.toUpperCase(java.util.Locale.ROOT));
        priority.filter(p -> !p.matches("P[1-4]")).ifPresent(p -> {
            throw new ApiError(400, "priority: one of P1, P2, P3, P4; got '" + p + "'");
        });
        Optional<org.redress.app.store.Queue.ClockState> clock = query(ctx, "clock").map(c -> oneOf("clock", c,
                org.redress.app.store.Queue.ClockState.class));
        Optional<String> metric = query(ctx, "metric").map(m -> oneOf("metric", m, org.redress.core.sla.SlaMetric.class).name());
        Optional<org.redress.app.store.Queue.Sort> sort = query(ctx, "sort").map(o -> oneOf("sort", o, org.redress.app.store.Queue.Sort.class));
        return new org.redress.app.store.Queue.Narrowing(priority, query(ctx, "channel").map(c -> cut(c, "channel")),
                query(ctx, "category").map(c -> cut(c, "category").toLowerCase(java.util.Locale.ROOT)),
                query(ctx, "language").map(l -> cut(l, "language").toLowerCase(java.util.Locale.ROOT)), clock, metric, sort);
    }

    private static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, name + ": one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(java.util.Locale.ROOT)).toList() + ", got '" + value + "'");
        }
    }

    private static String cut(String value, String name) {
        if (value.length() > 100) {
            throw new ApiError(400, name + ": at most 100 characters");
        }
        return value;
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

    /** The largest amount the desk stores (numeric(19,4)). */
    private static final java.math.BigDecimal MOST = new java.math.BigDecimal("999999999999999.9999");

    static Money money(String amount, String currency, String field) {
        String a = amount.strip().replace(',', '.');
        String say = field + ": an amount such as 25 or 19.90, up to 999999999999999.9999 with at most 4 decimals, got '"
                + (a.length() > 40 ? a.substring(0, 40) + "…" : a) + "'";
        if (!a.matches("\\d{1,15}(\\.\\d{1,4})?")) {
            throw new ApiError(400, say);
        }
        try {
            Money m = Money.of(a, currency);
            if (m.amount().compareTo(MOST) > 0) {
                throw new ApiError(400, say);
            }
            return m;
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, say);
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
