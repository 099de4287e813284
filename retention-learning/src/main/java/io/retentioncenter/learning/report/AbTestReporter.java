package io.retentioncenter.learning.report;

import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.ArmCounts;
import io.retentioncenter.core.experiment.Variant;
import io.retentioncenter.core.spi.FactSource;
import io.retentioncenter.learning.stats.AlwaysValidTest;
import io.retentioncenter.learning.stats.Proportion;
import io.retentioncenter.learning.stats.SampleRatioCheck;
import io.retentioncenter.learning.stats.SequentialEstimate;
import io.retentioncenter.learning.stats.WilsonInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reports A/B tests the way {@link io.retentioncenter.learning.experiment.SequentialExperimentJudge}
 * judges them: every variant against the control with the always-valid test, alpha split evenly
 * over the comparisons, plus the sample-ratio-mismatch check.
 */
final class AbTestReporter {
    private final FactSource store;
    private final double alpha;
    private final long expectedSample;

    AbTestReporter(FactSource store, double alpha, long expectedSample) {
        this.store = store;
        this.alpha = alpha;
        this.expectedSample = expectedSample;
    }

    /** The report of {@code test} from the store's per-variant counts. */
    AbTestReport report(AbTest test) {
        Map<String, ArmCounts> counts = store.abTestCounts(test.id());
        List<Variant> variants = test.variants();
        List<VariantStat> stats = new ArrayList<>(variants.size());
        long[] exposures = new long[variants.size()];
        double[] weights = new double[variants.size()];
        for (int i = 0; i < variants.size(); i++) {
            Variant variant = variants.get(i);
            Proportion leads = proportion(counts.get(variant.name()));
            stats.add(new VariantStat(variant.name(), variant.scriptId(), variant.weight(), leads, leads.rate(),
                    WilsonInterval.of(leads)));
            exposures[i] = leads.trials();
            weights[i] = variant.weight();
        }
        double comparisonAlpha = alpha / (variants.size() - 1);
        AlwaysValidTest sequential = new AlwaysValidTest(comparisonAlpha, expectedSample);
        VariantStat control = stats.get(0);
        List<VariantComparison> comparisons = new ArrayList<>(variants.size() - 1);
        for (VariantStat variant : stats.subList(1, stats.size())) {
            Optional<SequentialEstimate> estimate = sequential.evaluate(control.leads(), variant.leads());
            comparisons.add(new VariantComparison(variant.name(), control.name(), comparisonAlpha, estimate,
                    estimate.map(e -> e.pValue() <= comparisonAlpha).orElse(false)));
        }
        return new AbTestReport(test.id(), test.campaignId(), test.channel(), test.status(), test.winner(), stats,
                comparisons, SampleRatioCheck.test(exposures, weights, SampleRatioCheck.DEFAULT_THRESHOLD));
    }

    /** An arm nobody was exposed to yet counts as 0/0. */
    private static Proportion proportion(ArmCounts counts) {
        return counts == null ? new Proportion(0, 0) : new Proportion(counts.converted(), counts.exposed());
    }
}
