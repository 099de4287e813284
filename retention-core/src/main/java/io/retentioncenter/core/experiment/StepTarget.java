package io.retentioncenter.core.experiment;

import io.retentioncenter.core.internal.Require;

/**
 * The sequence step whose timing an A/B test randomises.
 *
 * @param sequenceId the sequence
 * @param stepOrder the step's 1-based position
 */
public record StepTarget(String sequenceId, int stepOrder) {
    /** Validates. */
    public StepTarget {
        Require.text(sequenceId, "step.sequenceId");
        Require.positive(stepOrder, "step.stepOrder");
    }

    @Override
    public String toString() {
        return sequenceId + " step " + stepOrder;
    }
}
