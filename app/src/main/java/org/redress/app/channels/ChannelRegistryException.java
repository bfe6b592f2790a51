package org.redress.app.channels;

/** The set of channel plugins is not usable as configured; the message says which id or class is at fault. */
public class ChannelRegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ChannelRegistryException(String message) {
        super(message);
    }

    public ChannelRegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
