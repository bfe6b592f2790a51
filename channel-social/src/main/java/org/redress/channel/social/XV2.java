package org.redress.channel.social;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redress.core.channel.Automation;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.SenderIdentity;
import org.redress.core.channel.Visibility;

/**
 * X API v2 posts ({@code GET /2/users/:id/mentions}) and direct-message events ({@code GET /2/dm_events}). A v2
 * item names its author by id; the handle, name and follower count come from the response's
 * {@code includes.users}, given with {@link #withUsers}. An item's id is the same post or event id that v1.1
 * gives, so an export in either shape lands on the same complaint entry.
 */
final class XV2 {

    /** X's ids are snowflakes: their top bits are milliseconds since this instant. */
    static final long TWEPOCH = 1_288_834_974_657L;
    /** Ids below this predate snowflakes (2010) and carry no time. */
    private static final long FIRST_SNOWFLAKE = 30_000_000_000L;

    /** What {@code includes.users} says of one account. */
    record User(String id, String username, String name, String followers) {
    }

    private final String ownUserId;
    private final Map<String, User> users;

    XV2(String ownUserId, Map<String, User> users) {
        this.ownUserId = ownUserId;
        this.users = Map.copyOf(users);
    }

    /** This mapping knowing also the accounts in {@code includes} objects (each with a {@code users} array). */
    XV2 withUsers(List<JsonNode> includes) {
        Map<String, User> known = new HashMap<>(users);
        for (JsonNode include : includes) {
            for (JsonNode u : include.path("users")) {
                Json.text(u, "id").ifPresent(id -> known.put(id, new User(id, Json.text(u, "username").orElse(null),
                        Json.text(u, "name").orElse(""), Json.text(u.path("public_metrics"), "followers_count").orElse(null))));
            }
        }
        return new XV2(ownUserId, known);
    }

    Optional<User> user(String id) {
        return Optional.ofNullable(users.get(id));
    }

    /** Whether {@code item} is in v2's shape rather than v1.1's: v1.1 items carry {@code id_str} or a user. */
    static boolean isV2(JsonNode item) {
        return item.has("event_type") || item.has("edit_history_tweet_ids") || item.has("author_id")
                || (!item.has("id_str") && !item.has("user") && !item.has("message_create") && item.path("id").isTextual());
    }

    Optional<InboundMessage.Builder> map(JsonNode item, String ownHandle) {
        return item.has("event_type") ? directMessage(item, ownHandle) : Optional.of(post(item, ownHandle));
    }

    private InboundMessage.Builder post(JsonNode post, String ownHandle) {
        String id = Json.required(post, "id", "post");
        String text = Json.text(post.path("note_tweet"), "text").or(() -> Json.text(post, "text"))
                .orElseThrow(() -> new IllegalArgumentException("post " + id + " has no 'text'"));
        String repliedTo = null;
        for (JsonNode ref : post.path("referenced_tweets")) {
            if ("replied_to".equals(ref.path("type").asText())) {
                repliedTo = Json.text(ref, "id").orElse(null);
            }
        }
        Optional<String> authorId = Json.text(post, "author_id");
        InboundMessage.Builder b = InboundMessage.builder(id)
                .sentAt(sentAt(post, "post " + id))
                .text(text)
                .languageHint(Json.text(post, "lang").filter(l -> !l.equals("und") && !l.equals("zxx")).orElse(null))
                .visibility(Visibility.PUBLIC)
                .threadReferences(repliedTo == null ? List.of() : List.of(repliedTo))
                .attribute(SocialChannelPlugin.THREAD_KEY, "status:" + (repliedTo == null ? id : repliedTo));
        author(b, authorId, "post " + id, ownHandle);
        return b;
    }

    private Optional<InboundMessage.Builder> directMessage(JsonNode event, String ownHandle) {
        String id = Json.required(event, "id", "direct-message event");
        if (!"MessageCreate".equals(event.path("event_type").asText())) {
            return Optional.empty(); // someone joining or leaving a conversation is not a message
        }
        String text = Json.text(event, "text")
                .orElseThrow(() -> new IllegalArgumentException("direct message " + id + " has no 'text'"));
        Optional<String> sender = Json.text(event, "sender_id");
        Optional<String> conversation = Json.text(event, "dm_conversation_id");
        InboundMessage.Builder b = InboundMessage.builder(id)
                .sentAt(sentAt(event, "direct message " + id))
                .text(text)
                .visibility(Visibility.PRIVATE)
                .attribute(SocialChannelPlugin.THREAD_KEY, sender.map(s -> "dm:" + s)
                        .or(() -> conversation.map(c -> "dm-conversation:" + c)).orElse("dm:" + id));
        author(b, sender, "direct message " + id, ownHandle);
        return Optional.of(b);
    }

    /**
     * The author as the desk will know them: by handle when the response included the account, else by id (as
     * v1.1 direct messages are), else, when the export was made without {@code author_id}, as the author of this
     * one item only, so that strangers are never merged into one customer.
     */
    private void author(InboundMessage.Builder b, Optional<String> authorId, String what, String ownHandle) {
        if (authorId.isEmpty()) {
            b.sender(SenderIdentity.social("x", "unknown:" + what.replaceAll("\\D", ""), ""))
                    .attribute(AUTHOR_UNKNOWN, "the " + what.replaceFirst(" \\d+$", "") + " came without its author: "
                            + "export with expansions=author_id (posts) or sender_id (direct messages)");
            return;
        }
        String userId = authorId.get();
        Optional<User> user = user(userId).filter(u -> u.username() != null);
        b.sender(SenderIdentity.social("x", user.map(u -> "@" + u.username()).orElse("id:" + userId),
                        user.map(User::name).orElse("")))
                .attribute(SocialChannelPlugin.USER_ID, userId)
                .attribute(InboundMessage.FOLLOWERS, user.flatMap(u -> Json.count(u.followers())).orElse(null));
        boolean ownById = userId.equals(ownUserId);
        boolean ownByHandle = ownHandle != null && user.isPresent()
                && user.get().username().equalsIgnoreCase(ownHandle.replaceFirst("^@", ""));
        if (ownById || ownByHandle) {
            b.automated(new Automation(Automation.Kind.OWN_ECHO, "posted by the desk's own account "
                    + (ownByHandle ? "@" + user.get().username() : "(id " + userId + ")")));
        }
    }

    /** Attribute: why the sender is known only as the author of this item. */
    static final String AUTHOR_UNKNOWN = "authorUnknown";

    /** {@code created_at} when the response has it; else the time in the snowflake id, which X's ids all carry. */
    static Instant sentAt(JsonNode item, String what) {
        Optional<String> created = Json.text(item, "created_at");
        if (created.isPresent()) {
            try {
                return OffsetDateTime.parse(created.get()).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(what + " has an unreadable created_at '" + created.get() + "'");
            }
        }
        try {
            long id = Long.parseLong(Json.required(item, "id", what));
            if (id >= FIRST_SNOWFLAKE) {
                return Instant.ofEpochMilli((id >> 22) + TWEPOCH);
            }
        } catch (NumberFormatException e) {
            // not a snowflake: no time to take from it
        }
        throw new IllegalArgumentException(what + " has no 'created_at' and its id carries no time");
    }
}
