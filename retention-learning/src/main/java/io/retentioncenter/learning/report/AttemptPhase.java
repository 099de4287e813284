package io.retentioncenter.learning.report;

import io.retentioncenter.core.contact.AttemptStatus;

/** Where an attempt stands, as far as the report is concerned. */
enum AttemptPhase {
    /** SCHEDULED or PENDING: waiting in the outbox (the scheduled backlog). */
    WAITING,
    /** DISPATCHING: being handed to a provider right now. */
    IN_FLIGHT,
    /** SENT or DELIVERED: accepted by the provider, no reaction seen. */
    SENT,
    /** OPENED, REPLIED, ANSWERED or SUCCESS: accepted, and the lead reacted. */
    RESPONDED,
    /** FAILED: sending or delivery failed. */
    FAILED,
    /** UNKNOWN: a dispatch was interrupted; whether the provider got it is not known. */
    UNKNOWN,
    /** CANCELLED before dispatch. */
    CANCELLED;

    /** The phase of {@code status}. */
    static AttemptPhase of(AttemptStatus status) {
        return switch (status) {
            case SCHEDULED, PENDING -> WAITING;
            case DISPATCHING -> IN_FLIGHT;
            case SENT, DELIVERED -> SENT;
            case OPENED, REPLIED, ANSWERED, SUCCESS -> RESPONDED;
            case FAILED -> FAILED;
            case UNKNOWN -> UNKNOWN;
            case CANCELLED -> CANCELLED;
        };
    }

    /** Whether the provider accepted the attempt: it counts as a sent message. */
    boolean isSent() {
        return this == SENT || this == RESPONDED;
    }

    /** Whether the attempt was handed to a provider, whatever came of it. */
    boolean isDispatched() {
        return isSent() || this == FAILED || this == UNKNOWN;
    }
}
