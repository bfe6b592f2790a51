package org.redress.channel.phonelog;

import java.util.Optional;

/** How one line of a CDR file becomes a leg. */
interface LegFormat {

    /**
     * @return the leg, or empty for a line that holds no call (a header)
     * @throws BadRow naming the line and what is wrong with it
     */
    Optional<Leg> parse(byte[] bytes, long line) throws BadRow;
}
