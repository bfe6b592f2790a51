package org.redress.core.violation;

/** Crosses a border on purpose: a CSV vendor type outside the phone-log channel. Only BordersBiteTest imports it. */
public final class CoreUsingCsv {
    public static Object format() {
        return org.apache.commons.csv.CSVFormat.DEFAULT;
    }
}
