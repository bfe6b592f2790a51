package org.redress.core.channel;

/**
 * The attributes a channel that carries phone calls puts on each call's {@link InboundMessage}, so that the
 * desk can act on calls whatever PBX they came from. Values are strings; times are ISO-8601 instants.
 */
public final class CallAttributes {

    /** The PBX's id of the call (for a note: of the call it is about). */
    public static final String CALL_ID = "callId";
    /** {@code in} from a customer, {@code out} from the desk. */
    public static final String DIRECTION = "direction";
    /** {@code answered}, {@code missed}, {@code abandoned}, {@code busy} or {@code failed}. */
    public static final String OUTCOME = "outcome";
    /** The calling number, E.164 where it could be normalised, or {@code withheld}. */
    public static final String CALLER = "caller";
    /** The called number. */
    public static final String CALLEE = "callee";
    /** Who answered: an agent's login, extension or channel. */
    public static final String ANSWERED_BY = "answeredBy";
    /** Seconds from the start of the call to its end. */
    public static final String DURATION_SECONDS = "durationSeconds";
    /** Seconds talked. */
    public static final String TALK_SECONDS = "talkSeconds";
    /** On a note: the agent who wrote it. */
    public static final String AGENT = "agent";
    /** On a note: the callback time the agent recorded as structured data. */
    public static final String CALLBACK_DUE = "callbackDue";
    /** On a note: how the agent put the callback promise in words. */
    public static final String CALLBACK_STATED_AS = "callbackStatedAs";

    private CallAttributes() {
    }
}
