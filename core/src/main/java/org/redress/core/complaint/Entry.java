package org.redress.core.complaint;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.redress.core.staff.Actor;

/** One immutable item of a complaint's timeline. */
public sealed interface Entry {

    Instant at();

    /**
     * What the customer sent.
     *
     * @param channel    the channel it came through
     * @param externalId its id there, for dedupe and threading
     * @param from       the sender's address
     * @param text       the full text (never cut: the customer's account is captured in full)
     * @param automated  whether a machine sent it (a bounce or out-of-office attached to the complaint)
     * @param inPublic   whether the customer said it where others read it (a public post), so that the answer goes
     *                   there too and carries no personal data
     */
    record CustomerMessage(Instant at, String channel, String externalId, String from, String text, boolean automated,
                           boolean inPublic) implements Entry {
        public CustomerMessage {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(text, "text");
        }

        /** A message sent privately (a mail, a direct message, a call). */
        public CustomerMessage(Instant at, String channel, String externalId, String from, String text, boolean automated) {
            this(at, channel, externalId, from, text, automated, false);
        }
    }

    /**
     * What an agent sent the customer.
     *
     * @param author the agent
     * @param text   the reply
     * @param eta    the time the reply gave for the next step, if it gave one
     */
    record Reply(Instant at, Actor author, String text, Optional<Instant> eta) implements Entry {
        public Reply {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(eta, "eta");
        }
    }

    /** Words between colleagues. Never sent to the customer: no delivery path accepts this type. */
    record InternalNote(Instant at, Actor author, String text) implements Entry {
        public InternalNote {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A phone call about the complaint.
     *
     * @param callId  the PBX's id of the call
     * @param outcome answered, missed, abandoned, busy or failed
     * @param notes   what the agent wrote, if anything
     */
    record Call(Instant at, String callId, String caller, String outcome, Optional<Actor> agent, String notes)
            implements Entry {
        public Call {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(agent, "agent");
            notes = notes == null ? "" : notes;
        }
    }

    /** Something the desk itself notes: linked to an incident, an escalation, a warning. */
    record SystemEvent(Instant at, String kind, String text) implements Entry {
        public SystemEvent {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }
    }

    /** Entries of one type, in order. */
    static <T extends Entry> List<T> only(List<Entry> entries, Class<T> type) {
        return entries.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
