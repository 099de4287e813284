package io.retentioncenter.core.contact;

/**
 * Attempt lifecycle: {@code SCHEDULED → PENDING → DISPATCHING → SENT → DELIVERED → OPENED →
 * REPLIED | ANSWERED → SUCCESS}, or {@code FAILED}, {@code CANCELLED}, {@code UNKNOWN} (the outcome of
 * a dispatch was lost in a crash). Provider events only move an attempt forward; SUCCESS, FAILED and
 * CANCELLED are final.
 */
public enum AttemptStatus {
    /** Waiting for a later slot (schedule hours, rate limit or an asked callback time). */
    SCHEDULED(0),
    /** Recorded and due; waiting in the outbox for dispatch. */
    PENDING(1),
    /** Claimed by a dispatcher and being handed to the provider. */
    DISPATCHING(2),
    /** Accepted by the provider. */
    SENT(3),
    /** Delivered to the lead's device or inbox. */
    DELIVERED(4),
    /** Email opened or link clicked. */
    OPENED(5),
    /** The lead replied. */
    REPLIED(6),
    /** The call was answered. */
    ANSWERED(6),
    /** The touch completed successfully (e.g. a call that ran to its end). */
    SUCCESS(7),
    /** Sending or delivery failed. */
    FAILED(8),
    /** Withdrawn before dispatch (conversion, opt-out, campaign end). */
    CANCELLED(8),
    /** A dispatch was interrupted; whether the provider got it is not known. */
    UNKNOWN(3);

    private final int rank;

    AttemptStatus(int rank) {
        this.rank = rank;
    }

    /** SUCCESS, FAILED and CANCELLED accept no further change. */
    public boolean isFinal() {
        return this == SUCCESS || this == FAILED || this == CANCELLED;
    }

    /** Whether the attempt has not yet been handed to a provider. */
    public boolean isUndispatched() {
        return this == SCHEDULED || this == PENDING;
    }

    /**
     * Whether a provider event (or a dispatch result) may move an attempt from this status to
     * {@code next}: only forward, never out of a final status, never back into the outbox. FAILED is
     * reachable from any dispatched, non-final status (a bounce after SENT); CANCELLED only before
     * dispatch; UNKNOWN only from DISPATCHING; a provider's word resolves UNKNOWN.
     */
    public boolean canAdvanceTo(AttemptStatus next) {
        if (isFinal() || next == this) {
            return false;
        }
        return switch (next) {
            case CANCELLED -> isUndispatched();
            case UNKNOWN -> this == DISPATCHING;
            case SCHEDULED, PENDING, DISPATCHING -> false;
            case FAILED -> !isUndispatched();
            default -> !isUndispatched() && (next.rank > rank || this == UNKNOWN);
        };
    }
}
