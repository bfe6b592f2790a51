package org.redress.core.intake;

import java.util.Objects;
import java.util.Optional;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.SenderIdentity;
import org.redress.core.complaint.Complaint;

/**
 * What an inbound message is to the desk: a new complaint, a follow-up on one it has, a system entry on one it
 * has, or machine traffic parked outside every complaint. The order of evidence is the one mature help desks
 * arrived at, with the hijacking hole closed:
 * <ol>
 *   <li>the complaint number the message names (an email subject tag), accepted only when the sender is a
 *       participant of that complaint, since anyone can type {@code [#1042]};</li>
 *   <li>the thread references, nearest first, matched against the ids of everything the desk stored or sent
 *       (channels drop references that forge the desk's signed ids before they get here); the last of them
 *       may be a body marker, for providers that rewrite Message-IDs.</li>
 * </ol>
 * Machine traffic never creates a complaint: when it threads onto one (a bounce of our reply, an
 * out-of-office) it becomes a system entry there, which must not reopen it; otherwise it is parked.
 */
public final class Threading {

    /** What the desk knows of its conversations; implemented by the store. */
    public interface Conversations {

        /** The complaint a stored inbound or sent outbound message belongs to, by its external id. */
        Optional<Complaint.Number> complaintOf(String externalId);

        /** Whether the complaint exists. */
        boolean exists(Complaint.Number number);

        /** Whether this sender is one of the complaint's participants (its customer, or someone in copy). */
        boolean isParticipant(Complaint.Number number, SenderIdentity sender);
    }

    /** The outcome, with the evidence for a person who asks why. */
    public sealed interface Decision {
        String reason();
    }

    /** A new complaint. */
    public record NewComplaint(String reason) implements Decision {
    }

    /** The message continues this complaint. */
    public record FollowUp(Complaint.Number complaint, String reason) implements Decision {
    }

    /** Machine traffic about this complaint: attach as a system entry, change nothing else. */
    public record SystemEntry(Complaint.Number complaint, String reason) implements Decision {
    }

    /** Machine traffic about nothing the desk knows: kept, but outside every complaint. */
    public record Parked(String reason) implements Decision {
    }

    private final Conversations conversations;

    public Threading(Conversations conversations) {
        this.conversations = Objects.requireNonNull(conversations, "conversations");
    }

    public Decision decide(InboundMessage message) {
        Optional<Found> found = find(message);
        if (message.isAutomated()) {
            String why = message.automated().get().kind() + " (" + message.automated().get().reason() + ")";
            return found.<Decision>map(f -> new SystemEntry(f.number(), why + "; " + f.reason()))
                    .orElseGet(() -> new Parked(why + "; it threads onto no complaint"));
        }
        return found.<Decision>map(f -> new FollowUp(f.number(), f.reason()))
                .orElseGet(() -> new NewComplaint(ignoredTag(message).orElse("it continues no known conversation")));
    }

    private record Found(Complaint.Number number, String reason) {
    }

    private Optional<Found> find(InboundMessage message) {
        Optional<Complaint.Number> tagged = tag(message);
        if (tagged.isPresent() && conversations.exists(tagged.get())
                && conversations.isParticipant(tagged.get(), message.sender())) {
            return Optional.of(new Found(tagged.get(), "it names " + tagged.get().tag() + " and "
                    + message.sender().value() + " takes part in it"));
        }
        for (String reference : message.threadReferences()) {
            Optional<Complaint.Number> number = conversations.complaintOf(reference);
            if (number.isPresent()) {
                return Optional.of(new Found(number.get(), "it refers to <" + reference + ">"));
            }
        }
        return Optional.empty();
    }

    private Optional<String> ignoredTag(InboundMessage message) {
        return tag(message).map(n -> conversations.exists(n)
                ? "it names " + n.tag() + ", but " + message.sender().value() + " takes no part in it, so the tag is ignored"
                : "it names " + n.tag() + ", which does not exist");
    }

    private static Optional<Complaint.Number> tag(InboundMessage message) {
        return message.attribute(InboundMessage.COMPLAINT_REF).filter(n -> n >= 1).map(Complaint.Number::new);
    }
}
