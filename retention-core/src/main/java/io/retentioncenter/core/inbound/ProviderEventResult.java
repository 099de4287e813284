package io.retentioncenter.core.inbound;

import java.util.Optional;

/**
 * What applying one provider event did.
 *
 * @param eventKey the event's key
 * @param outcome the effect
 * @param attemptId the matched attempt
 * @param leadId the matched lead
 * @param followUpAttemptId an extra attempt scheduled because of the event (re-engagement or callback)
 */
public record ProviderEventResult(String eventKey, Outcome outcome, Optional<String> attemptId,
        Optional<String> leadId, Optional<String> followUpAttemptId) {

    /** The effect of an event. */
    public enum Outcome {
        /** The event changed the attempt, the lead, or scheduled a follow-up. */
        APPLIED,
        /** The event was valid but changed nothing (late, duplicate or replayed). */
        NO_CHANGE,
        /** No attempt or lead matches the event; nothing changed. */
        UNMATCHED
    }
}
