package io.retentioncenter.learning.report;

import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.ArmCounts;
import io.retentioncenter.core.experiment.TestKind;
import io.retentioncenter.core.experiment.Variant;
import io.retentioncenter.core.spi.FactSource;
import io.retentioncenter.learning.stats.AlwaysValidTest;
import io.retentioncenter.learning.stats.Proportion;
import io.retentioncenter.learning.stats.SampleRatioCheck;
import io.retentioncenter.learning.stats.SequentialEstimate;
import io.retentioncenter.learning.stats.WilsonInterval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reports A/B tests the way {@link io.retentioncenter.learning.experiment.SequentialExperimentJudge}
 * judges them: every variant against the control with the always-valid test, alpha split evenly
 * over the comparisons, significant when the running minimum of the p-value over the looks reaches
 * alpha, plus the sample-ratio-mismatch check. The looks are replayed from the scan's exposures and
 * sales at evenly spaced times of the range, then taken once more on the store's counts. A timing
 * test has no attempts in its arms (its counts come from the store's arm assignments), so it is
 * judged on the store's counts alone.
 */
final class AbTestReporter {
    /** Replayed looks over the range, before the latest. */
    static final int LOOKS = 24;

    private final FactSource store;
    private final double alpha;
    private final long expectedSample;

    private final AbExposures exposures;
    private final long endMillis;

    AbTestReporter(FactSource store, double alpha, long expectedSample, AbExposures exposures, Instant end) {
        this.store = store;
        this.exposures = exposures;
        this.endMillis = end.toEpochMilli();
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
            Optional<String> script = variant.kind() == TestKind.SCRIPT ? Optional.of(variant.scriptId())
                    : Optional.empty();
            stats.add(new VariantStat(variant.name(), variant.treatment().label(), script, variant.weight(), leads,
                    leads.rate(), WilsonInterval.of(leads)));
            exposures[i] = leads.trials();
            weights[i] = variant.weight();
        }
        double comparisonAlpha = alpha / (variants.size() - 1);
        AlwaysValidTest sequential = new AlwaysValidTest(comparisonAlpha, expectedSample);
        VariantStat control = stats.get(0);
        List<VariantComparison> comparisons = new ArrayList<>(variants.size() - 1);
        for (VariantStat variant : stats.subList(1, stats.size())) {
            List<SequencePoint> trajectory = trajectory(test.id(), control, variant, sequential);
            Optional<SequentialEstimate> estimate = trajectory.get(trajectory.size() - 1).estimate();
            List<SequentialEstimate> looks = trajectory.stream().flatMap(p -> p.estimate().stream()).toList();
            double minimum = looks.stream().mapToDouble(SequentialEstimate::pValue).min().orElse(1.0);
            comparisons.add(new VariantComparison(variant.name(), control.name(), comparisonAlpha, estimate, minimum,
                    looks.size(), minimum <= comparisonAlpha, trajectory));
        }
        return new AbTestReport(test.id(), test.campaignId(), test.channel(), test.status(), test.winner(), stats,
                comparisons, SampleRatioCheck.test(exposures, weights, SampleRatioCheck.DEFAULT_THRESHOLD), test.kind(),
                test.step());
    }

    /**
     * The looks at {@link #LOOKS} evenly spaced times from the first exposure of the range to the end
     * of observation, replayed from the scan, then the latest from the store's counts.
     */
    private List<SequencePoint> trajectory(String testId, VariantStat control, VariantStat variant,
            AlwaysValidTest sequential) {
        List<SequencePoint> points = new ArrayList<>(LOOKS + 1);
        OptionalLong first = exposures.firstExposure(testId);
        if (first.isPresent() && first.getAsLong() < endMillis) {
            long span = endMillis - first.getAsLong();
            for (int i = 1; i <= LOOKS; i++) {
                long at = first.getAsLong() + span * i / LOOKS;
                Proportion a = exposures.countsAt(testId, control.name(), at);
                Proportion b = exposures.countsAt(testId, variant.name(), at);
                points.add(new SequencePoint(Instant.ofEpochMilli(at), a, b, sequential.evaluate(a, b)));
            }
        }
        points.add(new SequencePoint(Instant.ofEpochMilli(endMillis), control.leads(), variant.leads(),
                sequential.evaluate(control.leads(), variant.leads())));
        return points;
    }

    /** An arm nobody was exposed to yet counts as 0/0. */
    private static Proportion proportion(ArmCounts counts) {
        return counts == null ? new Proportion(0, 0) : new Proportion(counts.converted(), counts.exposed());
    }
}
