package org.redress.core.channel;

/**
 * A channel source as a whole cannot be used: host unreachable, authentication failed, folder or file
 * missing. The message says what is wrong and, where it can, which setting to change.
 * A single unreadable item is never this exception: it is a {@link Quarantined} value.
 */
public class ChannelException extends Exception {
    private static final long serialVersionUID = 1L;

    public ChannelException(String message) {
        super(message);
    }

    public ChannelException(String message, Throwable cause) {
        super(message, cause);
    }
}
