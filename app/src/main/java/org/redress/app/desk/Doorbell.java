package org.redress.app.desk;

import java.util.function.Consumer;

/**
 * Tells the node that sends a channel instance's messages that some are owed now, so an agent's reply leaves at
 * once instead of at the channel's next poll. Rung after the change that owes them committed; nobody listening (an
 * import, a test without a node) is fine: the next poll sends them.
 */
public final class Doorbell {

    private volatile Consumer<String> listener = instance -> { };

    /** Messages are owed through this channel instance. */
    public void ring(String instance) {
        listener.accept(instance);
    }

    /** The node's sender; one at a time. */
    public void listen(Consumer<String> sender) {
        this.listener = sender;
    }
}
