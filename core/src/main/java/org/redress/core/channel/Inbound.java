package org.redress.core.channel;

/**
 * One item a channel read: either a message the desk can handle, or something it could not understand.
 */
public sealed interface Inbound permits InboundMessage, Quarantined {

    /** The id of the channel plugin that read it. */
    String channelId();

    /**
     * Stable identity of the item within its channel instance: reading the same input again yields the
     * same value. The desk dedupes on (channel instance, external id).
     */
    String externalId();
}
