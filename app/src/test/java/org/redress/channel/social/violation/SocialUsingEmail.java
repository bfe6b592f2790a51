package org.redress.channel.social.violation;

/** Crosses a border on purpose: one channel using another. Only BordersBiteTest imports it. */
public final class SocialUsingEmail {
    public static Object email() {
        return new org.redress.channel.email.EmailChannelPlugin();
    }
}
