package io.retentioncenter.learning.report;

/**
 * How the machinery is doing.
 *
 * @param activeEnrollments enrollments ACTIVE now, whenever they were enrolled
 * @param stepsProcessed step executions in the range that executed, skipped or failed a step
 *     (deferrals excluded)
 * @param stepsProcessedPerHour {@code stepsProcessed} per hour of the observed range
 * @param dispatchedAttempts attempts created in the range that were handed to a provider (sent,
 *     failed, or with an unknown outcome)
 * @param failedAttempts of those, the ones that failed
 * @param failedAttemptRate {@code failedAttempts / dispatchedAttempts}, 0 when none was dispatched
 * @param scheduledAttempts attempts created in the range still waiting in the outbox (SCHEDULED or
 *     PENDING): the scheduled backlog
 */
public record OperationalStats(
        long activeEnrollments,
        long stepsProcessed,
        double stepsProcessedPerHour,
        long dispatchedAttempts,
        long failedAttempts,
        double failedAttemptRate,
        long scheduledAttempts) {
}
