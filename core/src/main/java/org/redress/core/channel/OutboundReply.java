package org.redress.core.channel;

import java.util.List;
import java.util.Objects;

/**
 * A reply the desk asks a channel to deliver.
 *
 * @param replyId         the desk's id of this reply; delivery is idempotent on it
 * @param recipient       who receives it
 * @param subject         subject line where the channel has one (the desk adds its {@code [#N]} tag)
 * @param text            the text to send
 * @param inReplyTo       external ids of the messages it answers, nearest first
 * @param visibility      public (a reply post) or private (a mail, a direct message)
 * @param automatic       true for the desk's own automatic messages (acknowledgements), which channels mark
 *                        as such (for example {@code Auto-Submitted: auto-replied})
 */
public record OutboundReply(String replyId, SenderIdentity recipient, String subject, String text,
                            List<String> inReplyTo, Visibility visibility, boolean automatic) {

    /**
     * Checks the required parts; a missing subject becomes empty.
     *
     * @param replyId the desk's id of this reply; delivery is idempotent on it
     * @param recipient who receives it
     * @param subject subject line where the channel has one (the desk adds its {@code [#N]} tag)
     * @param text the text to send
     * @param inReplyTo external ids of the messages it answers, nearest first
     * @param visibility public (a reply post) or private (a mail, a direct message)
     * @param automatic true for the desk's own automatic messages (acknowledgements), which channels mark as such (for example {@code Auto-Submitted: auto-replied})
     */
    public OutboundReply {
        Objects.requireNonNull(replyId, "replyId");
        Objects.requireNonNull(recipient, "recipient");
        subject = subject == null ? "" : subject;
        Objects.requireNonNull(text, "text");
        inReplyTo = List.copyOf(inReplyTo);
        Objects.requireNonNull(visibility, "visibility");
    }
}
