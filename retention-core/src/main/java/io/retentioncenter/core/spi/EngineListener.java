package io.retentioncenter.core.spi;

import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.SequenceStepExecution;
import io.retentioncenter.core.sequence.TickResult;
import java.time.Duration;

/**
 * Callbacks for host metrics and logs. All methods default to no-ops; exceptions thrown by a
 * listener are logged and swallowed, never break the engine.
 */
public interface EngineListener {
    /** A new lead was stored. */
    default void leadCreated(Lead lead) {
    }

    /** A lead was enrolled in a sequence. */
    default void enrolled(SequenceEnrollment enrollment) {
    }

    /** A step was processed (executed, skipped, deferred or failed). */
    default void stepProcessed(SequenceStepExecution execution) {
    }

    /** An attempt was handed to its provider (or failed to be). */
    default void attemptDispatched(ContactAttempt attempt) {
    }

    /**
     * A dispatch ended with its outcome unknown (the provider may or may not have acted) and the
     * attempt will not be sent again by itself: an operator resolves it with
     * {@code engine.attempts().markSent(...)} or {@code resend(...)}. Also reported through
     * {@link #attemptDispatched}.
     */
    default void attemptOutcomeUnknown(ContactAttempt attempt) {
    }

    /**
     * An enrollment was set aside: processing its step kept failing in the store for a reason that
     * will not go away by itself ({@code error}), so the engine stopped trying it while every other
     * enrollment proceeds. Listed by {@code engine.sequences().setAside(...)}.
     */
    default void enrollmentSetAside(SequenceEnrollment enrollment, String error) {
    }

    /**
     * A tick finished.
     *
     * @param result what it did
     * @param took how long it ran (wall time)
     */
    default void tickCompleted(TickResult result, Duration took) {
    }

    /** A conversion was recorded or upgraded. */
    default void converted(Conversion conversion) {
    }

    /** Something failed inside the engine; {@code where} names the operation. */
    default void error(String where, Throwable error) {
    }
}
