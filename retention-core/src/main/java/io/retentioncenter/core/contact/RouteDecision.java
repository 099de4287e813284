package io.retentioncenter.core.contact;

import java.time.Instant;

/**
 * Whether a contact may go out now, later, or not at all.
 *
 * @param verdict send now, defer, or reject
 * @param at when to send (now for SEND, the next allowed slot for DEFER)
 * @param reason why it was deferred or rejected ({@link Reason#NONE} for SEND)
 */
public record RouteDecision(Verdict verdict, Instant at, Reason reason) {
    /** The decision. */
    public enum Verdict {
        /** Send now. */
        SEND,
        /** Send at {@link RouteDecision#at()}. */
        DEFER,
        /** Do not send. */
        REJECT
    }

    /** Why a contact was deferred or rejected. */
    public enum Reason {
        /** Nothing in the way. */
        NONE,
        /** Outside the campaign's schedule days or hours. */
        OUTSIDE_SCHEDULE,
        /** The campaign's rate limit for the channel is used up in this window. */
        RATE_LIMITED,
        /** The send-time advisor asked for a later slot. */
        BETTER_SLOT,
        /** The lead's pacing (daily contact cap or minimum gap between contacts) asks for later. */
        PACED,
        /** The lead converted, was rejected or opted out. */
        NOT_CONTACTABLE,
        /** The lead has no address for the channel (no email for EMAIL, no phone for SMS/CALL). */
        CHANNEL_NOT_VIABLE,
        /** The lead reached the campaign's per-lead contact limit. */
        CONTACT_LIMIT,
        /** No script exists for the channel. */
        NO_SCRIPT,
        /** No provider is configured for the channel. */
        NO_PROVIDER
    }

    /** Send at {@code now}. */
    public static RouteDecision send(Instant now) {
        return new RouteDecision(Verdict.SEND, now, Reason.NONE);
    }

    /** Defer to {@code at} because of {@code reason}. */
    public static RouteDecision defer(Instant at, Reason reason) {
        return new RouteDecision(Verdict.DEFER, at, reason);
    }

    /** Reject because of {@code reason}. */
    public static RouteDecision reject(Instant now, Reason reason) {
        return new RouteDecision(Verdict.REJECT, now, reason);
    }
}
