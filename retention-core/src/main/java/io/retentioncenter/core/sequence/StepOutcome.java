package io.retentioncenter.core.sequence;

import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.experiment.ArmAssignment;
import io.retentioncenter.core.internal.Require;
import java.util.Optional;

/**
 * The result of processing one claimed enrollment, applied by the store all or nothing.
 *
 * @param leaseOwner the engine instance that claimed the enrollment
 * @param expectedStep the step number the engine processed; the store rejects the outcome when the
 *     enrollment moved on meanwhile
 * @param updated the enrollment's new state (its lease is released by applying it)
 * @param attempt the attempt to insert as PENDING (or SCHEDULED), when the step executed
 * @param execution the execution record, empty for a pure hold
 * @param contactLimit the campaign's per-lead contact limit checked when {@code attempt} is present
 * @param assignment the timing-test arm drawn for the lead when its next step was planned; the
 *     store keeps it unless the test already has an arm for the lead
 */
public record StepOutcome(
        String leaseOwner,
        int expectedStep,
        SequenceEnrollment updated,
        Optional<ContactAttempt> attempt,
        Optional<SequenceStepExecution> execution,
        int contactLimit,
        Optional<ArmAssignment> assignment) {

    /** Validates. */
    public StepOutcome {
        Require.text(leaseOwner, "leaseOwner");
        Require.present(updated, "updated");
        Require.present(attempt, "attempt");
        Require.present(execution, "execution");
        Require.present(assignment, "assignment");
    }

    /** An outcome without a timing-test arm. */
    public StepOutcome(String leaseOwner, int expectedStep, SequenceEnrollment updated,
            Optional<ContactAttempt> attempt, Optional<SequenceStepExecution> execution, int contactLimit) {
        this(leaseOwner, expectedStep, updated, attempt, execution, contactLimit, Optional.empty());
    }

    /** The enrollment id. */
    public String enrollmentId() {
        return updated.id();
    }

    /** How the store applied a {@link StepOutcome}. */
    public enum Result {
        /** Applied in full. */
        APPLIED,
        /** Nothing applied: the lease was lost, the enrollment is no longer ACTIVE or moved on. */
        STALE,
        /** Nothing applied: the lead reached the contact limit or is no longer contactable. */
        NOT_CONTACTABLE
    }
}
