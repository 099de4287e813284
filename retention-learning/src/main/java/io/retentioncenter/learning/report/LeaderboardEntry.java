package io.retentioncenter.learning.report;

import io.retentioncenter.core.internal.Require;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A sequence's place in the cross-campaign leaderboard. Sequences are ranked by the lower end of the
 * 95 % Greenwood interval of their Kaplan–Meier conversion by the horizon, so a small cohort with a
 * lucky start does not top a large steady one, and cohorts of different ages compare fairly.
 *
 * @param rank 1 for the best
 * @param sequenceId the sequence
 * @param name its name
 * @param campaignId its campaign, if any
 * @param enrolled enrollments in the range
 * @param converted converted enrollments
 * @param convertedByHorizon Kaplan–Meier F(horizon)
 * @param lowerBound lower end of its 95 % interval, at least 0
 * @param revenuePerEnrolled revenue per enrollment
 */
public record LeaderboardEntry(
        int rank,
        String sequenceId,
        String name,
        Optional<String> campaignId,
        long enrolled,
        long converted,
        double convertedByHorizon,
        double lowerBound,
        BigDecimal revenuePerEnrolled) {

    /** Validates. */
    public LeaderboardEntry {
        Require.positive(rank, "rank");
        Require.text(sequenceId, "sequenceId");
        Require.text(name, "name");
        Require.present(campaignId, "campaignId");
        Require.present(revenuePerEnrolled, "revenuePerEnrolled");
    }
}
