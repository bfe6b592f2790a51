package org.redress.channel.social;

import java.util.List;
import org.redress.core.channel.Inbound;

/**
 * One network behind one port, so a network is a class, not a module: poll mentions and private messages
 * after a cursor, answer in public, write in private, and say what the network allows.
 */
interface SocialConnector {

    /** A page of items after a cursor, oldest first, and the cursor after them. */
    record Page(List<Inbound> items, List<String> cursors) {
    }

    String network();

    Capabilities capabilities();

    /**
     * Everything new after {@code cursor} (the network's since-id, or empty for the first poll), oldest first.
     * Each item carries its own cursor in {@link Page#cursors()}, at the same index.
     */
    Page poll(String cursor) throws ConnectorException;

    /** Posts {@code text} in public as a reply to the post {@code inReplyTo}; returns the new post's id. */
    String replyPublic(String inReplyTo, String text, String idempotencyKey) throws ConnectorException;

    /**
     * Waits until the network pushes word of something new, or until {@code max} has passed. The default
     * cannot tell and returns false at once: the desk then polls on its own schedule.
     */
    default boolean awaitNew(java.time.Duration max) throws InterruptedException {
        return false;
    }

    /** Stops whatever the connector holds open (a stream). */
    default void close() {
    }

    /** Writes {@code text} privately to the account {@code recipient} (a handle); returns the message's id. */
    String sendPrivate(String recipient, String text, String idempotencyKey) throws ConnectorException;
}
