package org.redress.channel.phonelog;

import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;

/** How one line of a CDR file becomes a leg. */
interface LegFormat {

    /** The CSV dialect of the file. */
    CSVFormat csv();

    /**
     * @param fields the line's fields
     * @return the leg, or empty for a line that holds no call (a header)
     * @throws BadRow naming the line and what is wrong with it
     */
    Optional<Leg> leg(List<String> fields, byte[] bytes, long line) throws BadRow;

    /** One line alone. */
    default Optional<Leg> parse(byte[] bytes, long line) throws BadRow {
        return leg(Csv.fields(bytes, line, csv()), bytes, line);
    }
}
