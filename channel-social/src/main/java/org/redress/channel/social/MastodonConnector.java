package org.redress.channel.social;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Mastodon's REST API with the JDK's HTTP client: mention notifications (which include direct statuses that
 * mention the desk), replies with the visibility of what they answer, and direct statuses for private
 * answers. Sends an {@code Idempotency-Key}, which Mastodon honours, so a retried post is posted once.
 */
final class MastodonConnector implements SocialConnector {

    private final HttpClient http;
    private final URI base;
    private final String token;
    private final String account;
    private final String ownHandle;
    private final int maxLength;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Mastodon mapping = new Mastodon();

    /** The notification stream that wakes the desk, or null where streaming is off. */
    private final MastodonStream stream;

    MastodonConnector(URI base, String token, String ownHandle, int maxLength, Duration timeout, Clock clock) {
        this(base, token, ownHandle, maxLength, timeout, clock, null);
    }

    /** @param streamingRoot where the instance streams (often the instance itself), or null not to stream */
    MastodonConnector(URI base, String token, String ownHandle, int maxLength, Duration timeout, Clock clock,
                      URI streamingRoot) {
        this.stream = streamingRoot == null ? null : new MastodonStream(streamingRoot, token, timeout);
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
        this.token = token;
        this.ownHandle = ownHandle;
        this.account = "Mastodon account " + (ownHandle == null ? "" : "@" + ownHandle + " ") + "at " + base.getHost();
        this.maxLength = maxLength;
        this.clock = clock;
    }

    @Override
    public String network() {
        return "mastodon";
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(maxLength, true);
    }

    @Override
    public Page poll(String cursor) throws ConnectorException {
        String query = "api/v1/notifications?types[]=mention&limit=40" + (cursor.isEmpty() ? "" : "&since_id="
                + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        JsonNode body = send(HttpRequest.newBuilder(base.resolve(query.replace("[]", "%5B%5D"))).GET(), "reading mentions");
        if (!body.isArray()) {
            throw new ConnectorException(ConnectorException.Kind.TRANSIENT, account + ": notifications were not a JSON array", null);
        }
        List<JsonItems.Entry> entries = JsonItems.map(body, mapping, ownHandle, "mastodon notifications");
        List<org.redress.core.channel.Inbound> items = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        for (JsonItems.Entry e : entries) {
            items.add(e.item());
            cursors.add(JsonItems.idOf(e.key()));
        }
        return new Page(items, cursors);
    }

    @Override
    public boolean awaitNew(Duration max) throws InterruptedException {
        return stream != null && stream.await(max);
    }

    @Override
    public void close() {
        if (stream != null) {
            stream.close();
        }
    }

    @Override
    public String replyPublic(String inReplyTo, String text, String idempotencyKey) throws ConnectorException {
        return post(text, inReplyTo, "public", idempotencyKey);
    }

    @Override
    public String sendPrivate(String recipient, String text, String idempotencyKey) throws ConnectorException {
        String handle = recipient.replaceFirst("^mastodon:", "");
        String mention = handle.startsWith("@") ? handle : "@" + handle;
        return post(text.startsWith(mention) ? text : mention + " " + text, null, "direct", idempotencyKey);
    }

    private String post(String text, String inReplyTo, String visibility, String idempotencyKey) throws ConnectorException {
        StringBuilder form = new StringBuilder("status=").append(URLEncoder.encode(text, StandardCharsets.UTF_8))
                .append("&visibility=").append(visibility);
        if (inReplyTo != null) {
            form.append("&in_reply_to_id=").append(URLEncoder.encode(inReplyTo, StandardCharsets.UTF_8));
        }
        JsonNode body = send(HttpRequest.newBuilder(base.resolve("api/v1/statuses"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())), "posting a " + visibility + " status");
        return Json.text(body, "id").orElseThrow(() -> new ConnectorException(ConnectorException.Kind.TRANSIENT,
                account + ": the posted status came back without an id", null));
    }

    private JsonNode send(HttpRequest.Builder request, String doing) throws ConnectorException {
        HttpResponse<String> response;
        try {
            response = http.send(request.header("Authorization", "Bearer " + token).header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ConnectorException(ConnectorException.Kind.TRANSIENT, account + ": " + doing + " failed: "
                    + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(ConnectorException.Kind.TRANSIENT, account + ": interrupted while " + doing, null);
        }
        int status = response.statusCode();
        String error = errorText(response.body());
        if (status == 401 || status == 403) {
            throw new ConnectorException(ConnectorException.Kind.AUTH, account + ": " + doing + " was refused with HTTP "
                    + status + (error.isEmpty() ? "" : " (" + error + ")") + "; check the access token and its scopes", null);
        }
        if (status == 429) {
            Instant retry = retryAt(response);
            throw new ConnectorException(ConnectorException.Kind.RATE_LIMITED, account + ": rate limited while " + doing
                    + "; the limit resets at " + retry, retry);
        }
        if (status >= 500) {
            throw new ConnectorException(ConnectorException.Kind.TRANSIENT, account + ": " + doing + " failed with HTTP "
                    + status, null);
        }
        if (status >= 400) {
            throw new ConnectorException(ConnectorException.Kind.PERMANENT, account + ": " + doing + " was rejected with HTTP "
                    + status + (error.isEmpty() ? "" : " (" + error + ")"), null);
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new ConnectorException(ConnectorException.Kind.TRANSIENT, account + ": " + doing
                    + " answered with malformed JSON", null);
        }
    }

    /** Mastodon sends X-RateLimit-Reset as an ISO time; proxies may send Retry-After in seconds. */
    private Instant retryAt(HttpResponse<String> response) {
        Optional<String> reset = response.headers().firstValue("X-RateLimit-Reset");
        if (reset.isPresent()) {
            try {
                return OffsetDateTime.parse(reset.get()).toInstant();
            } catch (DateTimeParseException e) {
                // fall through to Retry-After
            }
        }
        Optional<String> after = response.headers().firstValue("Retry-After");
        if (after.isPresent()) {
            try {
                return clock.instant().plusSeconds(Long.parseLong(after.get().strip()));
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        return clock.instant().plusSeconds(60);
    }

    private String errorText(String body) {
        try {
            JsonNode n = json.readTree(body);
            return n == null ? "" : Json.text(n, "error").orElse("");
        } catch (IOException e) {
            return "";
        }
    }
}
