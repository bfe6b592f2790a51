package org.redress.core.channel;

import java.util.Objects;

/**
 * Why a message is machine traffic. Machine traffic never creates a complaint and never gets an automatic
 * answer; the desk may still attach it to a complaint it threads onto (a bounce of our reply, say).
 *
 * @param kind   what sort of machine sent it
 * @param reason the evidence, for example {@code Auto-Submitted: auto-replied}
 */
public record Automation(Kind kind, String reason) {

    /** The sorts of machine traffic a channel can recognise. */
    public enum Kind {
        /** An automatic answer (RFC 3834), including vendor auto-responders. */
        AUTO_REPLY,
        /** An out-of-office notice. */
        OUT_OF_OFFICE,
        /** A delivery failure report about something we sent. */
        BOUNCE,
        /** Mailing-list or bulk traffic. */
        LIST,
        /** Something the desk itself sent, coming back to it (a loop, our own post, our own outbound call). */
        OWN_ECHO,
        /** Another automated account or system. */
        BOT
    }

    /**
     * Checks that the kind is given and the reason names the evidence.
     *
     * @param kind what sort of machine sent it
     * @param reason the evidence, for example {@code Auto-Submitted: auto-replied}
     */
    public Automation {
        Objects.requireNonNull(kind, "kind");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an automation needs its evidence as the reason");
        }
    }
}
