package io.retentioncenter.core.sequence;

import java.util.Map;

/**
 * Counts for one sequence.
 *
 * @param enrollmentsByStatus number of enrollments per status
 * @param executionsByStep per step number, number of executions per status
 */
public record SequenceStats(Map<EnrollmentStatus, Long> enrollmentsByStatus,
        Map<Integer, Map<ExecutionStatus, Long>> executionsByStep) {

    /** Copies. */
    public SequenceStats {
        enrollmentsByStatus = Map.copyOf(enrollmentsByStatus);
        executionsByStep = Map.copyOf(executionsByStep);
    }

    /** Enrollments in {@code status}. */
    public long enrollments(EnrollmentStatus status) {
        return enrollmentsByStatus.getOrDefault(status, 0L);
    }

    /** Executions of step {@code order} with {@code status}. */
    public long executions(int order, ExecutionStatus status) {
        return executionsByStep.getOrDefault(order, Map.of()).getOrDefault(status, 0L);
    }
}
