package org.redress.core.violation;

/** Crosses a border on purpose: core using a library. Only BordersBiteTest imports it. */
public final class CoreUsingJackson {
    public static Object mapper() {
        return new com.fasterxml.jackson.databind.ObjectMapper();
    }
}
