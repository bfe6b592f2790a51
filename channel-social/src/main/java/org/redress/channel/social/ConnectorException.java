package org.redress.channel.social;

import java.time.Instant;

/** A network said no. {@link #kind()} tells the outbox whether and when to try again. */
final class ConnectorException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the network said no. */
    enum Kind {
        /** Wrong or revoked credentials, or an access tier without the endpoint: a person must act. */
        AUTH,
        /** Too many requests: try again at {@link #retryAt()}. */
        RATE_LIMITED,
        /** The network failed for now: try again later. */
        TRANSIENT,
        /** The request itself is wrong: trying again will not help. */
        PERMANENT
    }

    private final Kind kind;
    private final transient Instant retryAt;

    ConnectorException(Kind kind, String message, Instant retryAt) {
        super(message);
        this.kind = kind;
        this.retryAt = retryAt;
    }

    Kind kind() {
        return kind;
    }

    Instant retryAt() {
        return retryAt;
    }
}
