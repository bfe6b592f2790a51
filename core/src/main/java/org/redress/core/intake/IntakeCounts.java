package org.redress.core.intake;

/**
 * What an intake run did.
 *
 * @param read        items the channel returned
 * @param stored      messages stored for the first time
 * @param duplicates  items that had been stored before (a re-read after a crash or a repeated import)
 * @param quarantined items kept for a person because they could not be understood
 */
public record IntakeCounts(long read, long stored, long duplicates, long quarantined) {

    public static final IntakeCounts NONE = new IntakeCounts(0, 0, 0, 0);

    public IntakeCounts plus(IntakeCounts other) {
        return new IntakeCounts(read + other.read, stored + other.stored, duplicates + other.duplicates,
                quarantined + other.quarantined);
    }
}
