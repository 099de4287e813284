package io.retentioncenter.learning.report;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.experiment.AbTestStatus;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.stats.SampleRatioCheck;
import java.util.List;
import java.util.Optional;

/**
 * One A/B test with its per-variant counts (from the store, over the test's whole life), the
 * always-valid comparison of every variant with the control, and the sample-ratio-mismatch check.
 *
 * @param testId the test
 * @param campaignId its campaign
 * @param channel its channel
 * @param status running or completed
 * @param winner the winner recorded on the test, if any
 * @param variants the arms, control first
 * @param comparisons each non-control variant against the control
 * @param sampleRatio χ² of the exposures against the planned weights, flagged at p &lt; 0.001
 */
public record AbTestReport(
        String testId,
        String campaignId,
        Channel channel,
        AbTestStatus status,
        Optional<String> winner,
        List<VariantStat> variants,
        List<VariantComparison> comparisons,
        SampleRatioCheck sampleRatio) {

    /** Validates and copies. */
    public AbTestReport {
        Require.text(testId, "testId");
        Require.text(campaignId, "campaignId");
        Require.present(channel, "channel");
        Require.present(status, "status");
        Require.present(winner, "winner");
        variants = List.copyOf(Require.present(variants, "variants"));
        comparisons = List.copyOf(Require.present(comparisons, "comparisons"));
        Require.present(sampleRatio, "sampleRatio");
    }
}
