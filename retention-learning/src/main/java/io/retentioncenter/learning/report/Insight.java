package io.retentioncenter.learning.report;

import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.stats.Proportion;
import java.util.OptionalDouble;

/**
 * A short sentence a marketer can act on, with the numbers it states. Insights are only written for
 * comparisons whose Benjamini–Hochberg q-value is at or below the query's significance.
 *
 * @param kind what it is about
 * @param sentence the finding in words
 * @param group what is singled out, e.g. {@code "EMAIL with \"free trial\""}
 * @param groupCounts successes out of trials in the group (conversions, or drop-offs for a bottleneck)
 * @param baseline what it is compared with, e.g. {@code "EMAIL without it"}
 * @param baselineCounts successes out of trials in the baseline
 * @param lift group rate / baseline rate; empty when the baseline rate is 0
 * @param pValue two-sided p-value of the comparison (Fisher's exact test or the pooled z-test)
 * @param qValue Benjamini–Hochberg q-value over the comparisons of the same kind
 */
public record Insight(
        InsightKind kind,
        String sentence,
        String group,
        Proportion groupCounts,
        String baseline,
        Proportion baselineCounts,
        OptionalDouble lift,
        double pValue,
        double qValue) {

    /** Validates. */
    public Insight {
        Require.present(kind, "kind");
        Require.text(sentence, "sentence");
        Require.text(group, "group");
        Require.present(groupCounts, "groupCounts");
        Require.text(baseline, "baseline");
        Require.present(baselineCounts, "baselineCounts");
        Require.present(lift, "lift");
    }
}
