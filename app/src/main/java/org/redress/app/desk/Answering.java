package org.redress.app.desk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.redress.app.store.CustomerBook;
import org.redress.app.store.Outbound;
import org.redress.app.store.Tx;
import org.redress.core.channel.SenderIdentity;
import org.redress.core.complaint.Complaint;
import org.redress.core.complaint.Entry;

/**
 * Where the desk's messages to a customer go: through the channel instance the complaint came by, at the address the
 * customer last wrote from. A complaint taken at the desk (walk-in, phone, web form) came by no channel; its customer
 * is written to by the desk's mail channel when they left an email address, and otherwise answered in person. A
 * caller known only by a phone number is answered on the phone.
 */
final class Answering {

    /** Addresses that take no answers: a form's or a system's sender. */
    private static final java.util.regex.Pattern NO_REPLY = java.util.regex.Pattern.compile(
            "(?i)^(?:no-?reply|do-?not-?reply|donotreply|mailer-daemon|postmaster)(?:[+._-][^@]*)?@.*");

    /** The channel instances of complaints taken at the desk start so ({@code desk:walk-in}). */
    static final String TAKEN_AT_THE_DESK = "desk:";

    private final Optional<String> mailChannel;
    private final ReplyingInstances replying;

    /** @param mailChannel the desk's email channel instance that writes to customers of complaints taken at the desk */
    Answering(Optional<String> mailChannel, ReplyingInstances replying) {
        this.mailChannel = mailChannel;
        this.replying = replying;
    }

    static boolean takesNoAnswers(String address) {
        return NO_REPLY.matcher(address).matches();
    }

    /** What the customer (not a machine) sent last on the complaint. */
    static Optional<Entry.CustomerMessage> lastInbound(Complaint c) {
        List<Entry.CustomerMessage> inbound = c.entries(Entry.CustomerMessage.class).stream().filter(e -> !e.automated()).toList();
        return inbound.isEmpty() ? Optional.empty() : Optional.of(inbound.get(inbound.size() - 1));
    }

    /** As {@link #owe(Tx, Complaint, String, String, Instant, boolean)}, sent privately. */
    Optional<String> owe(Tx tx, Complaint c, String replyId, String text, Instant now) {
        return owe(tx, c, replyId, text, now, false);
    }

    /**
     * Owes a message to the complaint's customer in the caller's transaction.
     *
     * @param inPublic posted as an answer to the customer's public post
     * @return the channel instance it is owed through; empty when there is none (no address, an address that takes
     *         no answers, a walk-in's phone number, a channel that cannot send), and the text is on the timeline for the agent to give in person
     */
    Optional<String> owe(Tx tx, Complaint c, String replyId, String text, Instant now, boolean inPublic) {
        Optional<Entry.CustomerMessage> last = lastInbound(c);
        String inReplyTo = last.map(Entry.CustomerMessage::externalId).orElse(null);
        Optional<SenderIdentity> to = CustomerBook.address(tx, c.customer().value(), last.map(Entry.CustomerMessage::from).orElse(""));
        if (to.isEmpty() || takesNoAnswers(to.get().value()) || to.get().kind() == SenderIdentity.Kind.PHONE) {
            // no address, one that takes no answers, or a phone number (the desk has no text-message channel): the
            // agent says it on the phone or at the counter
            return Optional.empty();
        }
        String through = c.channel();
        if (through.startsWith(TAKEN_AT_THE_DESK)) {
            if (to.get().kind() != SenderIdentity.Kind.EMAIL || mailChannel.isEmpty()) {
                return Optional.empty();
            }
            through = mailChannel.get();
            inReplyTo = null; // the walk-in's "message" is the agent's notes, never a mail the customer could thread on
        }
        if (!replying.replies(through)) {
            return Optional.empty(); // a channel that only reads (a call log, an archive): the agent answers another way
        }
        String subject = Outbound.answering(c.subject(), c.number().tag());
        Outbound.owe(tx, replyId, c.number().value(), through, to.get(), subject, text, inReplyTo, false,
                inPublic && inReplyTo != null, now);
        return Optional.of(through);
    }
}
