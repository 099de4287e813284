package io.retentioncenter.core;

import java.time.Instant;

/**
 * Operational figures of the engine's store at one moment.
 *
 * @param at when they were read
 * @param activeEnrollments enrollments in ACTIVE status
 * @param pausedEnrollments enrollments held (PAUSED)
 * @param stepsProcessedLastHour step executions recorded in the last hour
 * @param attemptsLast24h attempts created in the last 24 hours
 * @param failedAttemptRate share of those attempts that ended FAILED (0 when there were none)
 * @param scheduledBacklog attempts waiting in the outbox (SCHEDULED or PENDING)
 * @param unknownAttempts attempts whose outcome is unknown, waiting for an operator
 *     ({@code engine.attempts().unknown(...)})
 * @param setAsideEnrollments enrollments set aside after their step kept failing in the store
 *     ({@code engine.sequences().setAside(...)})
 */
public record EngineStats(Instant at, long activeEnrollments, long pausedEnrollments, long stepsProcessedLastHour,
        long attemptsLast24h, double failedAttemptRate, long scheduledBacklog, long unknownAttempts,
        long setAsideEnrollments) {
}
