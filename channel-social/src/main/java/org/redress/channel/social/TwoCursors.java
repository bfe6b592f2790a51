package org.redress.channel.social;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.Visibility;

/**
 * X's mentions and direct messages are two id sequences read in one poll. The page is in time order across
 * both, and each item carries the cursor of both after it, {@code <last mention id>,<last message id>}.
 */
final class TwoCursors {

    /** What X allows in one post or message, whichever API the account speaks. */
    static final Capabilities X = new Capabilities(280, true);

    private TwoCursors() {
    }

    /** A cursor's two parts, {@code [last mention id, last message id]}; both empty for the first poll. */
    static String[] split(String cursor) {
        return cursor.isEmpty() ? new String[] {"", ""} : (cursor + ",").split(",", -1);
    }

    static SocialConnector.Page page(List<JsonItems.Entry> mapped, String mention, String message) {
        List<JsonItems.Entry> entries = new ArrayList<>(mapped);
        entries.sort(Comparator.comparing(e -> e.item() instanceof InboundMessage m ? m.sentAt() : Instant.EPOCH));
        List<Inbound> items = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        String lastMention = mention;
        String lastMessage = message;
        for (JsonItems.Entry e : entries) {
            String id = JsonItems.idOf(e.key());
            if (e.item() instanceof InboundMessage m && m.visibility() == Visibility.PRIVATE) {
                lastMessage = max(lastMessage, id);
            } else {
                lastMention = max(lastMention, id);
            }
            items.add(e.item());
            cursors.add(lastMention + "," + lastMessage);
        }
        return new SocialConnector.Page(items, cursors);
    }

    private static String max(String a, String b) {
        if (a.isEmpty()) {
            return b;
        }
        return JsonItems.orderKey(a).compareTo(JsonItems.orderKey(b)) >= 0 ? a : b;
    }
}
