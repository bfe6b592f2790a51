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
}
