package org.redress.core.channel;

/**
 * One item a channel read: either a message the desk can handle, or something it could not understand. Items do not
 * name their plugin: the desk knows which channel instance it read them from.
 */
public sealed interface Inbound permits InboundMessage, Quarantined {

    /**
     * Stable identity of the item within its channel instance: reading the same input again yields the
     * same value. The desk dedupes on (channel instance, external id).
     *
     * @return the item's external id
     */
    String externalId();
}
