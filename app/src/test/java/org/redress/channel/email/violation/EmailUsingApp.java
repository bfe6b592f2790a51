package org.redress.channel.email.violation;

/** Crosses a border on purpose: a channel using app. Only BordersBiteTest imports it. */
public final class EmailUsingApp {
    public static void start() {
        org.redress.app.Main.main(new String[0]);
    }
}
