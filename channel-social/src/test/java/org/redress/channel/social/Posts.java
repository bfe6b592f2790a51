package org.redress.channel.social;

/** Small payloads of our own making, in the networks' shapes. */
final class Posts {

    private Posts() {
    }

    static String x(String id, String handle, String name, int followers, String text, String inReplyTo) {
        return "{\"id\":" + id + ",\"id_str\":\"" + id + "\",\"created_at\":\"Mon Mar 02 10:15:00 +0000 2026\","
                + "\"text\":\"" + text + "\",\"lang\":\"en\","
                + "\"in_reply_to_status_id_str\":" + (inReplyTo == null ? "null" : "\"" + inReplyTo + "\"") + ","
                + "\"user\":{\"id_str\":\"9" + id + "\",\"screen_name\":\"" + handle + "\",\"name\":\"" + name
                + "\",\"followers_count\":" + followers + "}}";
    }

    static String mastodon(String id, String acct, String content, String visibility, String inReplyTo, boolean bot) {
        return "{\"id\":\"" + id + "\",\"created_at\":\"2026-03-02T10:15:00.000Z\",\"content\":\"" + content + "\","
                + "\"visibility\":\"" + visibility + "\",\"language\":\"en\",\"in_reply_to_id\":"
                + (inReplyTo == null ? "null" : "\"" + inReplyTo + "\"") + ","
                + "\"account\":{\"id\":\"7" + id + "\",\"acct\":\"" + acct + "\",\"display_name\":\"" + acct
                + "\",\"followers_count\":42,\"bot\":" + bot + "}}";
    }

    /** An X API v2 post with the fields the desk asks for. */
    static String xv2(String id, String authorId, String text, String repliedTo) {
        return "{\"id\":\"" + id + "\",\"text\":\"" + text + "\",\"author_id\":\"" + authorId + "\","
                + "\"created_at\":\"2026-03-02T10:15:00.000Z\",\"lang\":\"en\",\"conversation_id\":\""
                + (repliedTo == null ? id : repliedTo) + "\",\"edit_history_tweet_ids\":[\"" + id + "\"]"
                + (repliedTo == null ? "" : ",\"referenced_tweets\":[{\"type\":\"replied_to\",\"id\":\"" + repliedTo + "\"}]")
                + "}";
    }

    /** An X API v2 direct-message event with the fields the desk asks for. */
    static String xv2Message(String id, String senderId, String text, String createdAt) {
        return "{\"id\":\"" + id + "\",\"event_type\":\"MessageCreate\",\"text\":\"" + text + "\",\"sender_id\":\""
                + senderId + "\",\"created_at\":\"" + createdAt + "\",\"dm_conversation_id\":\"555-" + senderId + "\"}";
    }

    /** An {@code includes.users} entry. */
    static String xv2User(String id, String username, String name, int followers) {
        return "{\"id\":\"" + id + "\",\"username\":\"" + username + "\",\"name\":\"" + name
                + "\",\"public_metrics\":{\"followers_count\":" + followers + "}}";
    }
}
