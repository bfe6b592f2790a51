package org.redress.channel.social;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import twitter4j.HttpParameter;
import twitter4j.RequestMethod;
import twitter4j.auth.AccessToken;
import twitter4j.auth.OAuthAuthorization;
import twitter4j.conf.PropertyConfiguration;

/**
 * X through API v2, signed with OAuth 1.0a user context by twitter4j: mentions ({@code GET /2/users/:id/mentions}
 * after a since-id, with their authors) and direct-message events ({@code GET /2/dm_events}) in, public replies
 * ({@code POST /2/tweets} threaded to the post) and direct messages
 * ({@code POST /2/dm_conversations/with/:id/messages}) out.
 *
 * <p>twitter4j 4.0.7 knows only v1.1's endpoints, and its HTTP client folds an error body into the exception's
 * text, where X's v2 problem document (which names the access tier an endpoint needs) cannot be read back; so
 * twitter4j signs each request and the JDK's client sends it, as for Mastodon.
 */
final class XV2Connector implements SocialConnector {

    static {
        SealedTwitterConfiguration.install();
    }

    /**
     * Pages read after a cursor in one poll. X pages newest first, so a poll that stopped early would move the
     * cursor past what it did not read: the bound is only a guard against a server that pages for ever.
     */
    static final int MAX_PAGES = 100;

    private static final String TWEET_FIELDS = "created_at,author_id,conversation_id,referenced_tweets,lang,note_tweet";
    private static final String USER_FIELDS = "username,name,public_metrics";
    private static final String DM_FIELDS = "id,event_type,text,sender_id,created_at,dm_conversation_id";

    private final HttpClient http;
    private final URI root;
    private final OAuthAuthorization oauth;
    private final String ownHandle;
    private String ownUserId;
    private final String account;
    private final Clock clock;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();
    /** Handles (lower case) to account ids, learnt from what was read, so a DM needs no lookup. */
    private final Map<String, String> userIds = new ConcurrentHashMap<>();
    /** Until when X said reading is used up (its remaining count reached 0). */
    private Instant readingPausedUntil;

    XV2Connector(URI root, String consumerKey, String consumerSecret, String accessToken, String accessTokenSecret,
                 String ownHandle, String ownUserId, Duration timeout, Clock clock) {
        this.root = URI.create(root.toString().endsWith("/") ? root.toString() : root + "/");
        Properties p = new Properties();
        p.setProperty("oauth.consumerKey", consumerKey);
        p.setProperty("oauth.consumerSecret", consumerSecret);
        p.setProperty("mbeanEnabled", "false");
        this.oauth = new OAuthAuthorization(new PropertyConfiguration(p));
        this.oauth.setOAuthAccessToken(new AccessToken(accessToken, accessTokenSecret));
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.ownHandle = ownHandle;
        this.ownUserId = ownUserId;
        this.account = "X account " + (ownHandle == null ? "(no own-handle set)" : "@" + ownHandle);
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public String network() {
        return "x";
    }

    @Override
    public Capabilities capabilities() {
        return TwoCursors.X;
    }

    /** The cursor is {@code <last mention id>,<last direct message id>}, as for v1.1: an account can switch. */
    @Override
    public Page poll(String cursor) throws ConnectorException {
        if (readingPausedUntil != null && clock.instant().isBefore(readingPausedUntil)) {
            throw new ConnectorException(ConnectorException.Kind.RATE_LIMITED, account + ": X's reading limit is used up "
                    + "until " + readingPausedUntil, readingPausedUntil);
        }
        String[] c = TwoCursors.split(cursor);
        if (!c[0].matches("\\d*") || !c[1].matches("\\d*")) {
            throw new ConnectorException(ConnectorException.Kind.PERMANENT, account + ": cursor '" + cursor
                    + "' is not <mention id>,<message id>", null);
        }
        String me = ownUserId();
        ArrayNode items = json.createArrayNode();
        List<JsonNode> includes = new ArrayList<>();
        readPages("reading mentions", "2/users/" + me + "/mentions", c[0], true, items, includes);
        readPages("reading direct messages", "2/dm_events", c[1], false, items, includes);
        for (JsonNode include : includes) {
            for (JsonNode u : include.path("users")) {
                Json.text(u, "username").ifPresent(h -> Json.text(u, "id").ifPresent(id -> userIds.put(h.toLowerCase(), id)));
            }
        }
        Network mapping = new XJson(me).withContext(includes);
        return TwoCursors.page(JsonItems.map(items, mapping, ownHandle, "x poll"), c[0], c[1]);
    }

    /**
     * Reads an endpoint's pages, newest first, until one reaches {@code after}. Mentions take a since-id; the
     * direct-message list does not, so its pages are read until an event at or before {@code after} shows up.
     */
    private void readPages(String doing, String path, String after, boolean sinceId, ArrayNode items,
                           List<JsonNode> includes) throws ConnectorException {
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("max_results", "100");
            if (sinceId) {
                params.put("tweet.fields", TWEET_FIELDS);
                params.put("expansions", "author_id");
                if (!after.isEmpty()) {
                    params.put("since_id", after);
                }
            } else {
                params.put("event_types", "MessageCreate");
                params.put("dm_event.fields", DM_FIELDS);
                params.put("expansions", "sender_id");
            }
            params.put("user.fields", USER_FIELDS);
            if (token != null) {
                params.put("pagination_token", token);
            }
            JsonNode body = send("GET", path, params, null, doing);
            boolean reachedCursor = false;
            for (JsonNode item : body.path("data")) {
                String id = Json.text(item, "id").orElse("");
                if (!sinceId && !after.isEmpty() && JsonItems.orderKey(id).compareTo(JsonItems.orderKey(after)) <= 0) {
                    reachedCursor = true;
                    continue;
                }
                items.add(item);
            }
            if (body.path("includes").isObject()) {
                includes.add(body.path("includes"));
            }
            token = Json.text(body.path("meta"), "next_token").orElse(null);
            // the first poll takes the newest page only: a desk starts from now, not from the account's history
            if (token == null || reachedCursor || after.isEmpty()) {
                return;
            }
        }
    }

    /** The desk's own account id: from the settings, else asked of X once ({@code GET /2/users/me}). */
    private String ownUserId() throws ConnectorException {
        if (ownUserId == null) {
            JsonNode me = send("GET", "2/users/me", Map.of(), null, "looking up the account's own id").path("data");
            ownUserId = Json.text(me, "id").orElseThrow(() -> new ConnectorException(ConnectorException.Kind.TRANSIENT,
                    account + ": GET /2/users/me answered without an id", null));
        }
        return ownUserId;
    }

    @Override
    public String replyPublic(String inReplyTo, String text, String idempotencyKey) throws ConnectorException {
        if (!inReplyTo.matches("\\d+")) {
            throw new ConnectorException(ConnectorException.Kind.PERMANENT, account + ": '" + inReplyTo
                    + "' is no X post id", null);
        }
        ObjectNode body = json.createObjectNode().put("text", text);
        body.putObject("reply").put("in_reply_to_tweet_id", inReplyTo);
        JsonNode data = send("POST", "2/tweets", Map.of(), body, "posting a reply").path("data");
        return Json.text(data, "id").orElseThrow(() -> new ConnectorException(ConnectorException.Kind.TRANSIENT,
                account + ": the posted reply came back without an id", null));
    }

    @Override
    public String sendPrivate(String recipient, String text, String idempotencyKey) throws ConnectorException {
        String who = recipient.replaceFirst("^x:", "");
        String id;
        if (who.startsWith("id:") && who.substring(3).matches("\\d+")) {
            id = who.substring(3);
        } else if (who.startsWith("@")) {
            String handle = who.substring(1);
            id = userIds.get(handle.toLowerCase());
            if (id == null) {
                JsonNode user = send("GET", "2/users/by/username/" + handle, Map.of(), null,
                        "looking up @" + handle).path("data");
                id = Json.text(user, "id").orElseThrow(() -> new ConnectorException(ConnectorException.Kind.PERMANENT,
                        account + ": X knows no account @" + handle, null));
                userIds.put(handle.toLowerCase(), id);
            }
        } else {
            throw new ConnectorException(ConnectorException.Kind.PERMANENT, account + ": '" + who + "' is no X account"
                    + " a direct message can go to" + (who.startsWith("unknown:")
                    ? " (the export this came from did not say who wrote it); answer in public instead" : ""), null);
        }
        JsonNode data = send("POST", "2/dm_conversations/with/" + id + "/messages", Map.of(),
                json.createObjectNode().put("text", text), "sending a direct message to " + who).path("data");
        return Json.text(data, "dm_event_id").orElseThrow(() -> new ConnectorException(ConnectorException.Kind.TRANSIENT,
                account + ": the direct message came back without an event id", null));
    }

    private JsonNode send(String method, String path, Map<String, String> params, JsonNode body, String doing)
            throws ConnectorException {
        String url = root.resolve(path).toString();
        List<HttpParameter> query = new ArrayList<>();
        params.forEach((k, v) -> query.add(new HttpParameter(k, v)));
        // the signature covers the query's parameters; a JSON body is outside OAuth 1.0a's signature base
        String authorization = oauth.getAuthorizationHeader(new twitter4j.HttpRequest(RequestMethod.valueOf(method), url,
                query.toArray(new HttpParameter[0]), oauth, Map.of()));
        String full = query.isEmpty() ? url : url + "?" + OAuthAuthorization.encodeParameters(query);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(full)).timeout(timeout.plusSeconds(20))
                .header("Authorization", authorization).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ConnectorException(ConnectorException.Kind.TRANSIENT, account + ": " + doing + " failed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(ConnectorException.Kind.TRANSIENT, account + ": interrupted while " + doing, null);
        }
        int status = response.statusCode();
        if (status < 300) {
            if (method.equals("GET")) {
                noteReadingLimit(response);
            }
            try {
                return json.readTree(response.body().isEmpty() ? "{}" : response.body());
            } catch (IOException e) {
                throw new ConnectorException(ConnectorException.Kind.TRANSIENT, account + ": " + doing
                        + " answered with malformed JSON", null);
            }
        }
        throw refusal(status, response, method + " /" + path, doing);
    }

    /** X says how many calls are left in the window; at none, reading pauses until the window resets. */
    private void noteReadingLimit(HttpResponse<String> response) {
        Optional<String> remaining = response.headers().firstValue("x-rate-limit-remaining");
        if (remaining.isPresent() && remaining.get().strip().equals("0")) {
            readingPausedUntil = resetAt(response, "x-rate-limit-reset");
        }
    }

    private Instant resetAt(HttpResponse<String> response, String header) {
        Optional<String> reset = response.headers().firstValue(header);
        if (reset.isPresent() && reset.get().strip().matches("\\d{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(reset.get().strip()));
        }
        return clock.instant().plusSeconds(60);
    }

    private JsonNode problemOf(String body) {
        try {
            JsonNode n = json.readTree(body);
            return n == null ? json.createObjectNode() : n;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    /** What X's refusal means, said so that the person reading it knows what to change. */
    private ConnectorException refusal(int status, HttpResponse<String> response, String endpoint, String doing) {
        JsonNode problem = problemOf(response.body());
        JsonNode firstError = problem.path("errors").path(0);
        String detail = Json.text(problem, "detail").or(() -> Json.text(firstError, "message"))
                .or(() -> Json.text(problem, "title")).orElse("");
        String type = Json.text(problem, "type").orElse("");
        String reason = Json.text(problem, "reason").orElse("");
        int code = firstError.path("code").asInt(0);
        String said = detail.isEmpty() ? "" : " (X: \"" + detail + "\")";
        if (status == 429) {
            // a day's posting quota has its own headers; the 15-minute window is the usual one
            boolean daily = response.headers().firstValue("x-user-limit-24hour-remaining").map(r -> r.strip().equals("0"))
                    .orElse(false);
            Instant retry = daily ? resetAt(response, "x-user-limit-24hour-reset") : resetAt(response, "x-rate-limit-reset");
            return new ConnectorException(ConnectorException.Kind.RATE_LIMITED, account + ": rate limited while " + doing
                    + (daily ? " (the account's 24-hour limit)" : "") + "; the limit resets at " + retry, retry);
        }
        if (status == 403 && (code == 453 || reason.equals("client-not-enrolled") || type.endsWith("/client-forbidden"))) {
            return new ConnectorException(ConnectorException.Kind.AUTH, account + ": " + doing + " (" + endpoint
                    + ") is refused because the app's access tier lacks this endpoint" + said + ". X's Free tier can post "
                    + "but cannot read mentions or direct messages; attach the app to a project on a paid tier (Basic or "
                    + "higher) in the developer portal, or set api=v1.1 for an old app that still has v1.1 access", null);
        }
        if (status == 403 && type.endsWith("/oauth1-permissions")) {
            return new ConnectorException(ConnectorException.Kind.AUTH, account + ": " + doing + " (" + endpoint
                    + ") is refused because the app's permissions lack it" + said + "; set the app's permissions to "
                    + "\"Read, write and Direct Messages\" in the developer portal and create the access token again", null);
        }
        if (status == 401 || (status == 403 && type.endsWith("/unsupported-authentication"))) {
            return new ConnectorException(ConnectorException.Kind.AUTH, account + ": " + doing + " was refused with HTTP "
                    + status + said + "; check the consumer key and secret and the access token and its secret", null);
        }
        if (status >= 500) {
            return new ConnectorException(ConnectorException.Kind.TRANSIENT, account + ": " + doing + " failed with HTTP "
                    + status + said, null);
        }
        return new ConnectorException(ConnectorException.Kind.PERMANENT, account + ": " + doing + " was rejected with HTTP "
                + status + said, null);
    }
}
