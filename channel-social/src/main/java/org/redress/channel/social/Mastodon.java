package org.redress.channel.social;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.redress.core.channel.Automation;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.SenderIdentity;
import org.redress.core.channel.Visibility;

/**
 * Mastodon statuses, or notifications whose mentions carry a status. Private and direct statuses are private
 * messages; public and unlisted ones are public.
 */
final class Mastodon implements Network {

    @Override
    public String name() {
        return "mastodon";
    }

    @Override
    public Map<String, Holds> itemFields() {
        return Map.of();
    }

    @Override
    public String expected() {
        return "expected a JSON array of statuses or notifications";
    }

    @Override
    public Optional<String> id(JsonNode item) {
        return Json.text(item, "id");
    }

    @Override
    public Optional<InboundMessage.Builder> map(JsonNode item, String ownHandle) {
        String id = id(item).orElseThrow();
        JsonNode status = item;
        if (item.has("last_status") && item.has("accounts")) {
            status = item.path("last_status"); // a conversation: its latest status
            if (!status.isObject()) {
                throw new IllegalArgumentException("conversation " + id + " has no 'last_status'");
            }
        } else if (item.has("type") && !item.has("content")) {
            if (!"mention".equals(item.path("type").asText())) {
                return Optional.empty(); // a follow, favourite or boost is not a message
            }
            status = item.path("status");
            if (!status.isObject()) {
                throw new IllegalArgumentException("mention notification " + id + " has no 'status'");
            }
        }
        JsonNode account = status.path("account");
        if (!account.isObject()) {
            throw new IllegalArgumentException("status " + id + " has no 'account'");
        }
        String acct = Json.required(account, "acct", "status " + id + "'s account");
        String created = Json.required(status, "created_at", "status " + id);
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(created);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("status " + id + " has an unreadable created_at '" + created + "'");
        }
        String visibility = Json.text(status, "visibility").orElse("public");
        InboundMessage.Builder b = InboundMessage.builder(Json.required(status, "id", "status"))
                .sender(SenderIdentity.social(name(), "@" + acct, Json.text(account, "display_name").orElse("")))
                .sentAt(at.toInstant())
                .text(plainText(Json.text(status, "content").orElse("")))
                .languageHint(Json.text(status, "language").orElse(null))
                .visibility(visibility.equals("private") || visibility.equals("direct")
                        ? Visibility.PRIVATE : Visibility.PUBLIC)
                .threadReferences(Json.text(status, "in_reply_to_id").map(List::of).orElse(List.of()))
                .attribute(InboundMessage.FOLLOWERS, Json.count(account, "followers_count").orElse(null))
                .attribute(SocialChannelPlugin.THREAD_KEY, visibility.equals("direct") ? "dm:" + acct
                        : "status:" + Json.text(status, "in_reply_to_id").orElse(Json.required(status, "id", "status")))
                .attribute(SocialChannelPlugin.USER_ID, Json.text(account, "id").orElse(null));
        if (ownHandle != null && acct.equalsIgnoreCase(ownHandle.replaceFirst("^@", ""))) {
            b.automated(new Automation(Automation.Kind.OWN_ECHO, "posted by the desk's own account @" + acct));
        } else if (account.path("bot").asBoolean(false)) {
            b.automated(new Automation(Automation.Kind.BOT, "account @" + acct + " is marked as a bot"));
        }
        return Optional.of(b);
    }

    /** Mastodon sends HTML paragraphs; keep their breaks as new lines. */
    static String plainText(String html) {
        String marked = html.replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("(?i)</p>", "\n");
        return Jsoup.parse(marked).wholeText().strip();
    }
}
