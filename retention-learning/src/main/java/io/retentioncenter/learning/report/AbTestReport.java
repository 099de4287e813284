package io.retentioncenter.learning.report;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.experiment.AbTestStatus;
import io.retentioncenter.core.experiment.StepTarget;
import io.retentioncenter.core.experiment.TestKind;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.learning.stats.SampleRatioCheck;
import java.util.List;
import java.util.Optional;

/**
 * One A/B test (of scripts, or of a sequence step's delay or send window) with its per-variant counts (from the store, over the test's whole life), the
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
 * @param kind what the test randomises: scripts, a step's delay or its send window
 * @param step the sequence step a timing test randomises
 */
public record AbTestReport(
        String testId,
        String campaignId,
        Channel channel,
        AbTestStatus status,
        Optional<String> winner,
        List<VariantStat> variants,
        List<VariantComparison> comparisons,
        SampleRatioCheck sampleRatio,
        TestKind kind,
        Optional<StepTarget> step) {

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
        Require.present(kind, "kind");
        Require.present(step, "step");
    }

    /** "A/B test abt_1 (EMAIL)" or "timing test abt_2 (delay of seq_1 step 2)", for headings. */
    public String title() {
        return step.map(s -> "timing test " + testId + " (" + (kind == TestKind.DELAY ? "delay" : "send window")
                + " of " + s + ")").orElse("A/B test " + testId + " (" + channel + ")");
    }
}
