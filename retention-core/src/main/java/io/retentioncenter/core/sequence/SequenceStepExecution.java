package io.retentioncenter.core.sequence;

import io.retentioncenter.core.internal.Require;
import java.time.Instant;
import java.util.Optional;

/**
 * The record of processing one step of one enrollment.
 *
 * @param id execution id
 * @param enrollmentId the enrollment
 * @param sequenceId the sequence
 * @param stepOrder the step number
 * @param status outcome
 * @param attemptId the attempt created, when EXECUTED
 * @param executedAt processing time
 * @param result short machine-friendly explanation, e.g. {@code condition:EMAIL_NOT_OPENED}
 */
public record SequenceStepExecution(
        String id,
        String enrollmentId,
        String sequenceId,
        int stepOrder,
        ExecutionStatus status,
        Optional<String> attemptId,
        Instant executedAt,
        String result) {

    /** Validates. */
    public SequenceStepExecution {
        Require.text(id, "id");
        Require.text(enrollmentId, "enrollmentId");
        Require.text(sequenceId, "sequenceId");
        Require.positive(stepOrder, "stepOrder");
        Require.present(status, "status");
        Require.present(attemptId, "attemptId");
        Require.present(executedAt, "executedAt");
        Require.present(result, "result");
    }
}
