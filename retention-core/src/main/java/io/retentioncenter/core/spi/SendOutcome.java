package io.retentioncenter.core.spi;

/** What a provider did with one send, as far as the sender can know. */
public enum SendOutcome {
    /** The provider took the message or call. */
    ACCEPTED,
    /**
     * The provider provably did not act on it: it refused it (bad request, bad credentials, invalid
     * number, 429) or the request never reached it (connection refused). Safe to send again when
     * the rejection is retryable.
     */
    REJECTED,
    /**
     * The request may have been acted on, but no answer says so: a read timeout, a connection reset
     * after the request was written, a 5xx, a provider that threw. Never sent again automatically,
     * unless the provider dedupes by the idempotency key the request carried.
     */
    UNKNOWN
}
