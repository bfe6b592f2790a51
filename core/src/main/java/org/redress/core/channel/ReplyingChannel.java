package org.redress.core.channel;

/**
 * The capability of a channel instance to send replies. A channel instance that can answer customers (a mailbox
 * with an SMTP server, a social account with write access) implements this interface; one that only reads (a call
 * log, an mbox export) implements {@link Channel} alone, and the desk then owes nothing through it: no
 * acknowledgement, no answer is ever queued for such an instance, and the agent gives the answer another way.
 *
 * <p>{@link ChannelDescriptor#canReply()} says the same of the plugin before any instance is open, and the
 * contract kit checks that the two agree.
 */
public interface ReplyingChannel extends Channel {

    /**
     * Sends a reply through this channel. Must be idempotent on {@link OutboundReply#replyId()}: sending the
     * same reply twice delivers it once, and the second call answers {@link DeliveryResult.Delivered} with the
     * same external id as the first.
     *
     * @param reply what to send, and to whom
     * @return {@link DeliveryResult.Delivered} with the external id of what was sent, or
     *         {@link DeliveryResult.Failed} saying why; never throws for a delivery problem
     */
    DeliveryResult deliver(OutboundReply reply);
}
