package io.retentioncenter.core.fact;

import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.sequence.ExecutionStatus;
import io.retentioncenter.core.sequence.SequenceStepExecution;
import java.time.Instant;

/**
 * What analytics reads of a {@link SequenceStepExecution}.
 *
 * @param enrollmentId the enrollment
 * @param sequenceId the sequence
 * @param stepOrder the step number
 * @param status outcome
 * @param executedAt processing time
 */
public record ExecutionFact(String enrollmentId, String sequenceId, int stepOrder, ExecutionStatus status,
        Instant executedAt) {

    /** Checks that every component is present. */
    public ExecutionFact {
        Require.present(enrollmentId, "enrollmentId");
        Require.present(sequenceId, "sequenceId");
        Require.present(status, "status");
        Require.present(executedAt, "executedAt");
    }

    /** The projection of {@code execution}. */
    public static ExecutionFact of(SequenceStepExecution execution) {
        return new ExecutionFact(execution.enrollmentId(), execution.sequenceId(), execution.stepOrder(),
                execution.status(), execution.executedAt());
    }
}
