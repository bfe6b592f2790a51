package org.redress.app.store;

/**
 * Somebody changed a complaint (or a promise, an incident, a remedy) since the caller read it: the caller's
 * change was not applied, so nothing was overwritten. The caller reloads and decides again.
 */
public final class ConcurrentChangeException extends RuntimeException {

    private final String what;
    private final String lastChange;
    private final long expected;
    private final long actual;

    public ConcurrentChangeException(String what, long expected, long actual, String lastChange) {
        super(what + " was changed by someone else since you read it (you had version " + expected + ", it is now at "
                + actual + (lastChange.isBlank() ? "" : "; last change: " + lastChange)
                + "); nothing was overwritten: reload it and make your change again");
        this.what = what;
        this.lastChange = lastChange;
        this.expected = expected;
        this.actual = actual;
    }

    public String what() {
        return what;
    }

    /** Who made the last change and when ("Ana (agent) transition at …"), or empty. */
    public String lastChange() {
        return lastChange;
    }

    public long expected() {
        return expected;
    }

    public long actual() {
        return actual;
    }
}
