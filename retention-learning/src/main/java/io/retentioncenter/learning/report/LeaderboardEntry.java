package io.retentioncenter.learning.report;

import io.retentioncenter.core.internal.Require;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A sequence's place in the cross-campaign leaderboard, an observational ranking (the sequences got
 * different leads). Sequences are ranked by the lower end of the 95 % interval of their cumulative
 * incidence of conversion by the horizon, opt-outs competing, so a sequence that drives leads to opt
 * out gains nothing from it and a small lucky cohort does not top a large steady one. A sequence
 * whose interval overlaps the interval of the first sequence of its rank shares that rank: the data
 * do not separate them.
 *
 * @param rank 1 for the best; tied sequences share a rank
 * @param tied whether another sequence has the same rank
 * @param sequenceId the sequence
 * @param name its name
 * @param campaignId its campaign, if any
 * @param enrolled enrollments in the range
 * @param converted converted enrollments
 * @param optedOut enrollments that opted out without converting
 * @param horizonHours the horizon of "converted by", in hours
 * @param conversionIncidence cumulative incidence of conversion by the horizon, opt-outs competing
 * @param lowerBound lower end of its 95 % interval, at least 0
 * @param upperBound upper end of its 95 % interval, at most 1
 * @param optOutIncidence cumulative incidence of opt-out by the horizon
 * @param revenuePerEnrolled revenue per enrollment
 */
public record LeaderboardEntry(
        int rank,
        boolean tied,
        String sequenceId,
        String name,
        Optional<String> campaignId,
        long enrolled,
        long converted,
        long optedOut,
        double horizonHours,
        double conversionIncidence,
        double lowerBound,
        double upperBound,
        double optOutIncidence,
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
