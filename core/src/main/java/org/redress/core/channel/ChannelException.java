package org.redress.core.channel;

/**
 * A channel source as a whole cannot be used: host unreachable, authentication failed, folder or file
 * missing. The message says what is wrong and, where it can, which setting to change.
 * A single unreadable item is never this exception: it is a {@link Quarantined} value.
 */
public class ChannelException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * A failure of the source, said for a person.
     *
     * @param message what went wrong and, where it helps, which setting to look at
     */
    public ChannelException(String message) {
        super(message);
    }

    /**
     * A failure of the source, with what caused it.
     *
     * @param message what went wrong and, where it helps, which setting to look at
     * @param cause the underlying failure
     */
    public ChannelException(String message, Throwable cause) {
        super(message, cause);
    }
}
