package org.redress.app.violation;

/** Crosses a border on purpose: a mail vendor type outside the email channel. Only BordersBiteTest imports it. */
public final class AppUsingMail {
    public static Object session() {
        return jakarta.mail.Session.getInstance(new java.util.Properties());
    }
}
