package org.redress.app.violation;

/** Crosses a border on purpose: app compiled against a channel class. Only BordersBiteTest imports it. */
public final class AppUsingChannel {
    public static Object email() {
        return new org.redress.channel.email.EmailChannelPlugin();
    }
}
