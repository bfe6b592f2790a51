package org.redress.app.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * A piece of the desk's background work. A run must be safe to repeat and safe beside a run of the same job
 * on another node: every effect is a conditional write (a clock's "warned" flag, a promise's version, a
 * complaint's version), so what one run did, the next sees and does not do again.
 */
public interface Job {

    /** The job's name, also its lease's. */
    String name();

    /** How often it runs. */
    Duration every();

    /**
     * Does what is due at {@code now}.
     *
     * @return how many things it acted on, for the log and the tests
     */
    int run(Instant now);
}
