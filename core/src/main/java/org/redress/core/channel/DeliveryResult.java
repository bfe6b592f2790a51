package org.redress.core.channel;

import java.util.Objects;

/** What became of an {@link OutboundReply}. */
public sealed interface DeliveryResult {

    /**
     * The reply left the desk.
     *
     * @param externalId the id the channel gave what it sent (a Message-ID, a post id), for threading answers
     */
    record Delivered(String externalId) implements DeliveryResult {
        /**
         * Checks that the external id is given.
         *
         * @param externalId the id the channel gave what it sent (a Message-ID, a post id), for threading answers
         */
        public Delivered {
            Objects.requireNonNull(externalId, "externalId");
        }
    }

    /**
     * The reply was not sent.
     *
     * @param reason    why, for a person
     * @param retryable whether trying again later may succeed (rate limit, server down) or not (bad address)
     */
    record Failed(String reason, boolean retryable) implements DeliveryResult {
        /**
         * Checks that the reason is given.
         *
         * @param reason why, for a person
         * @param retryable whether trying again later may succeed (rate limit, server down) or not (bad address)
         */
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
