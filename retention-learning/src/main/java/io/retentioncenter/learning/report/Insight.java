package io.retentioncenter.learning.report;

import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.stats.Proportion;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A finding in words, with the numbers it states. Observational findings (phrases, send times,
 * channels, steps) are associations: they name what could not be separated and never instruct.
 * Only randomised comparisons (A/B tests judged by the always-valid sequential test) end in an
 * instruction. Findings are only written for comparisons whose q-value (Benjamini–Hochberg) is at
 * or below the query's significance, or, for A/B tests, whose running always-valid p is at or
 * below the test's alpha.
 *
 * @param kind what it is about
 * @param evidence observational or randomised
 * @param sentence the finding in words
 * @param group what is singled out, e.g. {@code "EMAIL messages with “free trial”"}; for
 *     {@link InsightKind#TRAVELLED_TOGETHER} every factor, joined
 * @param groupCounts successes out of trials in the group (conversions, or drop-offs for a step)
 * @param baseline what it is compared with
 * @param baselineCounts successes out of trials in the baseline
 * @param lift group rate / baseline rate; empty when the baseline rate is 0
 * @param pValue two-sided p-value of the comparison (always-valid p for an A/B test)
 * @param qValue Benjamini–Hochberg q-value over the comparisons of the same kind (the p-value for
 *     an A/B test)
 * @param confounders what the comparison could not separate; empty for a randomised comparison
 */
public record Insight(
        InsightKind kind,
        Evidence evidence,
        String sentence,
        String group,
        Proportion groupCounts,
        String baseline,
        Proportion baselineCounts,
        OptionalDouble lift,
        double pValue,
        double qValue,
        List<String> confounders) {

    /** Validates and copies. */
    public Insight {
        Require.present(kind, "kind");
        Require.present(evidence, "evidence");
        Require.text(sentence, "sentence");
        Require.text(group, "group");
        Require.present(groupCounts, "groupCounts");
        Require.text(baseline, "baseline");
        Require.present(baselineCounts, "baselineCounts");
        Require.present(lift, "lift");
        confounders = List.copyOf(Require.present(confounders, "confounders"));
    }
}
