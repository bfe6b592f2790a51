package org.redress.core.violation;

/** Crosses a border on purpose: core calling into app. Only BordersBiteTest imports it. */
public final class CoreUsingApp {
    public static void start() {
        org.redress.app.Main.main(new String[0]);
    }
}
