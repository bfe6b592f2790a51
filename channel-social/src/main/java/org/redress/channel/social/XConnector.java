package org.redress.channel.social;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import twitter4j.DirectMessage;
import twitter4j.DirectMessageList;
import twitter4j.Paging;
import twitter4j.ResponseList;
import twitter4j.Status;
import twitter4j.StatusUpdate;
import twitter4j.Twitter;
import twitter4j.TwitterException;
import twitter4j.TwitterFactory;
import twitter4j.TwitterObjectFactory;
import twitter4j.User;
import twitter4j.conf.PropertyConfiguration;

/**
 * X through twitter4j (API v1.1): the mentions timeline and direct-message events in, public replies and
 * direct messages out. Every endpoint and credential comes from the desk's settings; nothing ambient is read
 * (see {@link SealedTwitterConfiguration}). The raw JSON twitter4j received is kept, mapped by the same code
 * as export files.
 */
final class XConnector implements SocialConnector {

    static {
        SealedTwitterConfiguration.install();
    }

    private final Twitter twitter;
    private final String account;
    private final String ownHandle;
    private final String ownUserId;
    private final XV1 mapping;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Long> userIds = new HashMap<>();

    XConnector(String restBaseUrl, String consumerKey, String consumerSecret, String accessToken, String accessTokenSecret,
               String ownHandle, String ownUserId, Clock clock) {
        String base = restBaseUrl.endsWith("/") ? restBaseUrl : restBaseUrl + "/";
        Properties p = new Properties();
        p.setProperty("restBaseURL", base);
        p.setProperty("streamBaseURL", base);
        p.setProperty("uploadBaseURL", base);
        String root = base.replaceFirst("1\\.1/$", "");
        p.setProperty("oauth.requestTokenURL", root + "oauth/request_token");
        p.setProperty("oauth.authorizationURL", root + "oauth/authorize");
        p.setProperty("oauth.accessTokenURL", root + "oauth/access_token");
        p.setProperty("oauth.authenticationURL", root + "oauth/authenticate");
        p.setProperty("oauth2.tokenURL", root + "oauth2/token");
        p.setProperty("oauth2.invalidateTokenURL", root + "oauth2/invalidate_token");
        p.setProperty("oauth.consumerKey", consumerKey);
        p.setProperty("oauth.consumerSecret", consumerSecret);
        p.setProperty("oauth.accessToken", accessToken);
        p.setProperty("oauth.accessTokenSecret", accessTokenSecret);
        p.setProperty("http.retryCount", "0"); // the desk's outbox retries, knowing what it sends
        p.setProperty("jsonStoreEnabled", "true");
        p.setProperty("tweetModeExtended", "true");
        p.setProperty("mbeanEnabled", "false");
        this.twitter = new TwitterFactory(new PropertyConfiguration(p)).getInstance();
        this.ownHandle = ownHandle;
        this.ownUserId = ownUserId;
        this.account = "X account " + (ownHandle == null ? "(no own-handle set)" : "@" + ownHandle);
        this.mapping = new XV1(ownUserId);
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

    /** The cursor is {@code <last mention id>,<last direct message id>}. */
    @Override
    public Page poll(String cursor) throws ConnectorException {
        String[] c = TwoCursors.split(cursor);
        ArrayNode raw = json.createArrayNode();
        try {
            Paging paging = new Paging().count(200);
            if (!c[0].isEmpty()) {
                paging.setSinceId(Long.parseLong(c[0]));
            }
            ResponseList<Status> mentions = twitter.getMentionsTimeline(paging);
            for (Status s : mentions) {
                raw.add(rawJson(s, "status " + s.getId()));
            }
            DirectMessageList dms = twitter.getDirectMessages(50);
            long lastDm = c[1].isEmpty() ? 0 : Long.parseLong(c[1]);
            for (DirectMessage dm : dms) {
                if (dm.getId() > lastDm) {
                    raw.add(dmJson(dm));
                }
            }
        } catch (TwitterException e) {
            throw translate(e, "reading mentions and direct messages");
        } catch (NumberFormatException e) {
            throw new ConnectorException(ConnectorException.Kind.PERMANENT, account + ": cursor '" + cursor
                    + "' is not <mention id>,<message id>", null);
        }
        return TwoCursors.page(JsonItems.map(raw, mapping, ownHandle, "x poll"), c[0], c[1]);
    }

    /**
     * The event as v1.1 JSON. twitter4j keeps raw JSON for statuses but not for the events of a message list,
     * so the event is written back from what twitter4j read, with the sender's handle looked up.
     */
    private JsonNode dmJson(DirectMessage dm) {
        com.fasterxml.jackson.databind.node.ObjectNode event = json.createObjectNode();
        event.put("type", "message_create");
        event.put("id", String.valueOf(dm.getId()));
        event.put("created_timestamp", String.valueOf(dm.getCreatedAt().getTime()));
        com.fasterxml.jackson.databind.node.ObjectNode create = event.putObject("message_create");
        create.putObject("target").put("recipient_id", String.valueOf(dm.getRecipientId()));
        create.put("sender_id", String.valueOf(dm.getSenderId()));
        create.putObject("message_data").put("text", dm.getText());
        String handle = screenName(dm.getSenderId());
        if (handle != null) {
            event.put("sender_screen_name", handle);
        }
        return event;
    }


    private JsonNode rawJson(Object o, String what) throws ConnectorException {
        String text = TwitterObjectFactory.getRawJSON(o);
        try {
            return text == null ? json.createObjectNode() : json.readTree(text);
        } catch (IOException e) {
            throw new ConnectorException(ConnectorException.Kind.TRANSIENT, account + ": " + what + " came back unreadable", null);
        }
    }

    private String screenName(long userId) {
        try {
            User u = twitter.showUser(userId);
            userIds.put(u.getScreenName().toLowerCase(), userId);
            return u.getScreenName();
        } catch (TwitterException e) {
            return null; // known by id until a later lookup works
        }
    }

    @Override
    public String replyPublic(String inReplyTo, String text, String idempotencyKey) throws ConnectorException {
        try {
            StatusUpdate update = new StatusUpdate(text);
            update.setInReplyToStatusId(Long.parseLong(inReplyTo));
            update.setAutoPopulateReplyMetadata(true);
            return String.valueOf(twitter.updateStatus(update).getId());
        } catch (TwitterException e) {
            throw translate(e, "posting a reply");
        } catch (NumberFormatException e) {
            throw new ConnectorException(ConnectorException.Kind.PERMANENT, account + ": '" + inReplyTo
                    + "' is no X status id", null);
        }
    }

    @Override
    public String sendPrivate(String recipient, String text, String idempotencyKey) throws ConnectorException {
        String who = recipient.replaceFirst("^x:", "");
        try {
            long id;
            if (who.startsWith("id:")) {
                id = Long.parseLong(who.substring(3));
            } else {
                String handle = who.replaceFirst("^@", "");
                Long known = userIds.get(handle.toLowerCase());
                id = known != null ? known : twitter.showUser(handle).getId();
            }
            return String.valueOf(twitter.sendDirectMessage(id, text).getId());
        } catch (TwitterException e) {
            throw translate(e, "sending a direct message to " + who);
        } catch (NumberFormatException e) {
            throw new ConnectorException(ConnectorException.Kind.PERMANENT, account + ": '" + who + "' is no X user", null);
        }
    }

    private ConnectorException translate(TwitterException e, String doing) {
        int status = e.getStatusCode();
        int code = e.getErrorCode();
        String detail = (e.getErrorMessage() == null ? "" : e.getErrorMessage()) + (code > 0 ? " (X error " + code + ")" : "");
        if (code == 453) {
            return new ConnectorException(ConnectorException.Kind.AUTH, account + ": " + doing + " is refused because the "
                    + "app's access tier lacks this endpoint (X error 453); it needs a tier with v1.1 access", null);
        }
        if (status == 401 || status == 403 || code == 32 || code == 89) {
            return new ConnectorException(ConnectorException.Kind.AUTH, account + ": " + doing + " was refused with HTTP "
                    + status + (detail.isEmpty() ? "" : ": " + detail) + "; check the consumer key and access token", null);
        }
        if (status == 429 || code == 88) {
            Instant retry = e.getRateLimitStatus() != null && e.getRateLimitStatus().getResetTimeInSeconds() > 0
                    ? Instant.ofEpochSecond(e.getRateLimitStatus().getResetTimeInSeconds())
                    : clock.instant().plusSeconds(Math.max(60, e.getRetryAfter()));
            return new ConnectorException(ConnectorException.Kind.RATE_LIMITED, account + ": rate limited while " + doing
                    + "; the limit resets at " + retry, retry);
        }
        if (status >= 500 || status < 0 || e.isCausedByNetworkIssue()) {
            return new ConnectorException(ConnectorException.Kind.TRANSIENT, account + ": " + doing + " failed"
                    + (status > 0 ? " with HTTP " + status : ": " + e.getMessage()), null);
        }
        return new ConnectorException(ConnectorException.Kind.PERMANENT, account + ": " + doing + " was rejected with HTTP "
                + status + (detail.isEmpty() ? "" : ": " + detail), null);
    }
}
