package org.redress.core.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The attributes a channel that carries phone calls puts on each call's {@link InboundMessage}, so that the desk can
 * act on calls whatever PBX they came from: a message with an {@link #OUTCOME} is a call, one with an {@link #AGENT}
 * and no outcome is an agent's note about a call.
 */
public final class CallAttributes {

    /** Who started a call. */
    public enum Direction {
        /** From a customer to the desk. */
        IN,
        /** From the desk to a customer. */
        OUT
    }

    /** What became of a call. */
    public enum Outcome {
        /** Someone at the desk talked to the caller. */
        ANSWERED,
        /** It rang and nobody answered. */
        MISSED,
        /** The caller hung up while waiting (in a queue, on hold). */
        ABANDONED,
        /** The line was busy. */
        BUSY,
        /** It could not be put through (congestion, a wrong number). */
        FAILED
    }

    /** The PBX's id of the call (for a note: of the call it is about). */
    public static final Attribute<String> CALL_ID = Attribute.text("callId");
    /** Who started the call. */
    public static final Attribute<Direction> DIRECTION = Attribute.oneOf("direction", Direction.class);
    /** What became of the call. */
    public static final Attribute<Outcome> OUTCOME = Attribute.oneOf("outcome", Outcome.class);
    /** The calling number, E.164 where it could be normalised, or {@code withheld}. */
    public static final Attribute<String> CALLER = Attribute.text("caller");
    /** The called number. */
    public static final Attribute<String> CALLEE = Attribute.text("callee");
    /** Who answered: an agent's login, extension or channel. */
    public static final Attribute<String> ANSWERED_BY = Attribute.text("answeredBy");
    /** From the start of the call to its end. */
    public static final Attribute<Duration> DURATION = Attribute.seconds("durationSeconds");
    /** How long the caller and the desk talked. */
    public static final Attribute<Duration> TALK = Attribute.seconds("talkSeconds");
    /** On a note: the agent who wrote it. */
    public static final Attribute<String> AGENT = Attribute.text("agent");
    /** On a note: the callback time the agent recorded as structured data. */
    public static final Attribute<Instant> CALLBACK_DUE = Attribute.instant("callbackDue");
    /** On a note: how the agent put the callback promise in words. */
    public static final Attribute<String> CALLBACK_STATED_AS = Attribute.text("callbackStatedAs");

    /** Every call attribute, checked when a message is built. */
    static final List<Attribute<?>> ALL = List.of(CALL_ID, DIRECTION, OUTCOME, CALLER, CALLEE, ANSWERED_BY, DURATION, TALK,
            AGENT, CALLBACK_DUE, CALLBACK_STATED_AS);

    private CallAttributes() {
    }
}
