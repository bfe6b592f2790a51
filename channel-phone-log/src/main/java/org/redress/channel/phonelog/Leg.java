package org.redress.channel.phonelog;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One row of a call detail record: one leg of a call. Several legs with the same {@link #key} (a transfer, a
 * queue then an agent) make one call.
 *
 * @param key        what groups legs into a call (linkedid, uniqueid, uuid, callId)
 * @param legId      this leg's own id
 * @param direction  in from a customer, or out from the desk
 * @param caller     the calling number as written
 * @param callerName the caller's name as written, or empty
 * @param callee     the called number as written
 * @param start      when the leg began
 * @param answered   when it was answered, or null
 * @param end        when it ended, or null
 * @param duration   seconds from start to end
 * @param talk       seconds talked
 * @param outcome    what became of the leg
 * @param agent      who answered (an agent's channel or login), or null
 * @param references ids of calls this one continues (the missed call a callback answers)
 * @param queue      the queue or IVR the leg sat in, or null
 * @param line       the line number it came from
 * @param raw        the line's bytes
 */
record Leg(String key, String legId, Direction direction, String caller, String callerName, String callee,
           Instant start, Instant answered, Instant end, long duration, long talk, Outcome outcome, String agent,
           List<String> references, String queue, long line, byte[] raw, Map<String, String> extra) {

    enum Direction { IN, OUT }

    /** What became of a call, as the desk acts on it. */
    enum Outcome {
        ANSWERED, MISSED, ABANDONED, BUSY, FAILED;

        String label() {
            return name().toLowerCase();
        }

        /** Whether the customer is owed a callback. */
        boolean owesCallback() {
            return this == MISSED || this == ABANDONED || this == BUSY;
        }
    }
}
