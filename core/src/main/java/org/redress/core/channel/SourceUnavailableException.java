package org.redress.core.channel;

/**
 * The source cannot be reached just now (its server is down, the network is, it did not answer in time), while
 * nothing says the settings are wrong. The desk starts without it, says so, and opens it again later with growing
 * pauses; a plain {@link ChannelException} from {@code open} (a wrong setting, a refused password) stops the start.
 */
public class SourceUnavailableException extends ChannelException {
    private static final long serialVersionUID = 1L;

    /**
     * The source cannot be reached just now.
     *
     * @param message what could not be reached, for a person
     * @param cause the underlying failure
     */
    public SourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
