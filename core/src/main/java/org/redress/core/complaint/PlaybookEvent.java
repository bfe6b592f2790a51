package org.redress.core.complaint;

import java.util.Optional;

/**
 * A step of the playbook as its audit record names it (the record's {@code after}), so a stored complaint's
 * playbook is replayed from typed events: recap sent, confirmed or corrected, an apology (numbered), a resolution
 * proposed, empathy shown.
 */
public enum PlaybookEvent {
    RECAP_SENT("recap sent"), RECAP_CONFIRMED("recap confirmed"), RECAP_CORRECTED("recap corrected"), APOLOGY("apology"),
    RESOLUTION_PROPOSED("resolution proposed"), EMPATHY("empathy");

    private final String stored;

    PlaybookEvent(String stored) {
        this.stored = stored;
    }

    /** The text its audit record carries; an apology carries its number ("apology 2"). */
    public String stored(int apologies) {
        return this == APOLOGY ? stored + " " + apologies : stored;
    }

    public static Optional<PlaybookEvent> of(String after) {
        for (PlaybookEvent e : values()) {
            if (e.stored.equals(after) || (e == APOLOGY && after.startsWith(e.stored + " "))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
