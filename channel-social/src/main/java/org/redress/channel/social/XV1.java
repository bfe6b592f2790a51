package org.redress.channel.social;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.redress.core.channel.Automation;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.SenderIdentity;
import org.redress.core.channel.Visibility;

/** X (Twitter) API v1.1 statuses, as {@code statuses/mentions_timeline} returns them. */
final class XV1 implements Network {

    private final String ownUserId;

    XV1() {
        this(null);
    }

    /** @param ownUserId the desk's own account id, whose direct messages are our own echo */
    XV1(String ownUserId) {
        this.ownUserId = ownUserId;
    }

    private static final DateTimeFormatter CREATED_AT =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);

    @Override
    public String name() {
        return "x";
    }

    @Override
    public Map<String, Holds> itemFields() {
        return Map.of("statuses", Holds.MANY, "events", Holds.MANY, "event", Holds.ONE);
    }

    @Override
    public String expected() {
        return "expected a JSON array of statuses, or an object with 'statuses' or direct-message 'events'";
    }

    @Override
    public Optional<String> id(JsonNode item) {
        return Json.text(item, "id_str").or(() -> Json.text(item, "id"));
    }

    @Override
    public Optional<InboundMessage.Builder> map(JsonNode status, String ownHandle) {
        if (status.has("message_create")) {
            return Optional.of(directMessage(status, ownHandle));
        }
        String id = id(status).orElseThrow();
        JsonNode user = status.path("user");
        if (!user.isObject() && status.has("sender") && status.has("recipient")) {
            throw new IllegalArgumentException("item " + id + " is a legacy direct message (the format X retired on "
                    + "2018-08-16); export direct messages with the events API (direct_messages/events/list)");
        }
        if (!user.isObject()) {
            throw new IllegalArgumentException("status " + id + " has no 'user'");
        }
        String handle = Json.required(user, "screen_name", "status " + id + "'s user");
        String created = Json.required(status, "created_at", "status " + id);
        ZonedDateTime at;
        try {
            at = ZonedDateTime.parse(created, CREATED_AT);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("status " + id + " has an unreadable created_at '" + created + "'");
        }
        String text = Json.text(status, "full_text").or(() -> Json.text(status, "text"))
                .orElseThrow(() -> new IllegalArgumentException("status " + id + " has no 'text'"));
        InboundMessage.Builder b = InboundMessage.builder(id)
                .sender(SenderIdentity.social(name(), "@" + handle, Json.text(user, "name").orElse("")))
                .sentAt(at.toInstant())
                .text(text)
                .languageHint(Json.text(status, "lang").filter(l -> !l.equals("und")).orElse(null))
                .visibility(Visibility.PUBLIC)
                .threadReferences(Json.text(status, "in_reply_to_status_id_str")
                        .or(() -> Json.text(status, "in_reply_to_status_id")).map(List::of).orElse(List.of()))
                .attribute(InboundMessage.FOLLOWERS, Json.count(user, "followers_count").orElse(null))
                .attribute(SocialChannelPlugin.THREAD_KEY, "status:" + Json.text(status, "in_reply_to_status_id_str")
                        .or(() -> Json.text(status, "in_reply_to_status_id")).orElse(id))
                .attribute(SocialChannelPlugin.USER_ID, Json.text(user, "id_str").orElse(null));
        if (ownHandle != null && handle.equalsIgnoreCase(ownHandle.replaceFirst("^@", ""))) {
            b.automated(new Automation(Automation.Kind.OWN_ECHO, "posted by the desk's own account @" + handle));
        }
        return Optional.of(b);
    }

    /**
     * A v1.1 direct-message event ({@code message_create}). The event names its sender by id only; the desk
     * knows the sender as {@code x:id:<id>} until a user lookup gives the handle.
     */
    private InboundMessage.Builder directMessage(JsonNode event, String ownHandle) {
        String id = id(event).orElseThrow();
        JsonNode create = event.path("message_create");
        String sender = Json.required(create, "sender_id", "direct message " + id);
        String text = Json.text(create.path("message_data"), "text")
                .orElseThrow(() -> new IllegalArgumentException("direct message " + id + " has no message_data.text"));
        long millis;
        try {
            millis = Long.parseLong(Json.required(event, "created_timestamp", "direct message " + id));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("direct message " + id + " has an unreadable created_timestamp");
        }
        String handle = Json.text(event, "sender_screen_name").map(h -> "@" + h).orElse("id:" + sender);
        InboundMessage.Builder b = InboundMessage.builder(id)
                .sender(org.redress.core.channel.SenderIdentity.social(name(), handle, ""))
                .sentAt(java.time.Instant.ofEpochMilli(millis))
                .text(text)
                .visibility(Visibility.PRIVATE)
                .attribute(SocialChannelPlugin.THREAD_KEY, "dm:" + sender)
                .attribute(SocialChannelPlugin.USER_ID, sender);
        if (sender.equals(ownUserId)) {
            b.automated(new org.redress.core.channel.Automation(org.redress.core.channel.Automation.Kind.OWN_ECHO,
                    "sent by the desk's own account (id " + sender + ")"));
        }
        return b;
    }
}
