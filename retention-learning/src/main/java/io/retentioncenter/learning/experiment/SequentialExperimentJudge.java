package io.retentioncenter.learning.experiment;

import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.ArmCounts;
import io.retentioncenter.core.experiment.Variant;
import io.retentioncenter.core.experiment.Verdict;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.spi.ExperimentJudge;
import io.retentioncenter.learning.stats.AlwaysValidTest;
import io.retentioncenter.learning.stats.Proportion;
import io.retentioncenter.learning.stats.RunningMinimum;
import io.retentioncenter.learning.stats.RunningMinimumTracker;
import io.retentioncenter.learning.stats.SampleRatioCheck;
import io.retentioncenter.learning.stats.SequentialEstimate;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Ends A/B tests with always-valid statistics, so it may be asked after every
 * conversion without inflating false winners the way "stop at {@code p < 0.05}" does.
 *
 * <p>Each variant is compared with the first (the control) by an {@link AlwaysValidTest}; with more
 * than two variants alpha is split evenly over the comparisons (Bonferroni). The judge keeps the
 * running minimum of each comparison's p-value per test id, in memory and thread-safe. A comparison
 * has a decision once its running p-value is at most its alpha, in the direction of the estimate at
 * that minimum. The verdict is
 * <ul>
 *   <li>{@code WINNER} a variant that beats the control, the one with the highest observed rate when
 *       several do; or the control when it beats every other variant;</li>
 *   <li>{@code NO_WINNER} otherwise, once the total exposure of all arms reaches the maximum sample;</li>
 *   <li>{@code CONTINUE} otherwise.</li>
 * </ul>
 * A comparison is evaluated only once each of its arms has a conversion and a non-conversion. A
 * sample-ratio mismatch against the variants' weights is flagged in the explanation, which always
 * states the numbers behind the verdict.
 */
public final class SequentialExperimentJudge implements ExperimentJudge {
    private static final MathContext FOUR_DIGITS = new MathContext(4, RoundingMode.HALF_EVEN);
    private final double alpha;
    private final long expectedSample;
    private final long maxSample;
    private final double srmThreshold;
    private final ConcurrentMap<TrackerKey, RunningMinimumTracker> trackers = new ConcurrentHashMap<>();

    /** A judge with the defaults: alpha 0.05, N* 5000, maximum sample 2 × N*, SRM flagged at {@code p < 0.001}. */
    public SequentialExperimentJudge() {
        this(builder());
    }

    private SequentialExperimentJudge(Builder builder) {
        this.alpha = builder.alpha;
        this.expectedSample = builder.expectedSample;
        this.maxSample = builder.maxSample.orElse(2 * builder.expectedSample);
        this.srmThreshold = builder.srmThreshold;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Compares every variant with the control at this look and decides; see the class description.
     *
     * @throws ValidationException when {@code arms} names a variant the test does not have or maps one to null
     */
    @Override
    public Verdict judge(AbTest test, Map<String, ArmCounts> arms) {
        Require.present(test, "test");
        Require.present(arms, "arms");
        requireKnownArms(test, arms);
        List<Variant> variants = test.variants();
        Variant control = variants.get(0);
        Proportion controlCounts = counts(arms, control);
        double comparisonAlpha = alpha / (variants.size() - 1);
        AlwaysValidTest sequential = new AlwaysValidTest(comparisonAlpha, expectedSample);
        List<Comparison> comparisons = new ArrayList<>(variants.size() - 1);
        for (Variant variant : variants.subList(1, variants.size())) {
            Proportion variantCounts = counts(arms, variant);
            Optional<RunningMinimum> running = sequential.evaluate(controlCounts, variantCounts)
                    .map(estimate -> tracker(test.id(), variant.name()).observe(estimate));
            comparisons.add(new Comparison(variant.name(), variantCounts, running));
        }
        long exposure = variants.stream().mapToLong(v -> counts(arms, v).trials()).sum();
        String details = describe(control.name(), controlCounts, comparisons, comparisonAlpha, exposure)
                + sampleRatio(test, arms);
        Optional<String> winner = winner(control.name(), comparisons, comparisonAlpha);
        if (winner.isPresent()) {
            return Verdict.winner(winner.get(), winner.get() + " wins at always-valid alpha "
                    + format(comparisonAlpha) + ". " + details);
        }
        if (exposure >= maxSample) {
            return Verdict.noWinner("maximum sample reached without a significant difference. " + details);
        }
        return Verdict.keepRunning("no comparison has reached always-valid alpha " + format(comparisonAlpha)
                + " yet. " + details);
    }

    private static void requireKnownArms(AbTest test, Map<String, ArmCounts> arms) {
        for (Map.Entry<String, ArmCounts> arm : arms.entrySet()) {
            if (arm.getKey() == null || test.variant(arm.getKey()).isEmpty()) {
                throw new ValidationException("arms", "unknown variant '" + arm.getKey() + "' for test " + test.id());
            }
            if (arm.getValue() == null) {
                throw new ValidationException("arms[" + arm.getKey() + "]", "is required");
            }
        }
    }

    /** The arm's counts; an arm nobody was exposed to yet counts as 0/0. */
    private static Proportion counts(Map<String, ArmCounts> arms, Variant variant) {
        ArmCounts counts = arms.get(variant.name());
        return counts == null ? new Proportion(0, 0) : new Proportion(counts.converted(), counts.exposed());
    }

    private RunningMinimumTracker tracker(String testId, String variant) {
        return trackers.computeIfAbsent(new TrackerKey(testId, variant), key -> new RunningMinimumTracker());
    }

    private static Optional<String> winner(String control, List<Comparison> comparisons, double comparisonAlpha) {
        Optional<Comparison> bestChallenger = comparisons.stream()
                .filter(c -> c.decided(comparisonAlpha) && c.direction() > 0)
                .max(Comparator.comparingDouble(c -> c.counts().rate()));
        if (bestChallenger.isPresent()) {
            return Optional.of(bestChallenger.get().variant());
        }
        boolean controlBeatsAll = comparisons.stream().allMatch(c -> c.decided(comparisonAlpha) && c.direction() < 0);
        return controlBeatsAll ? Optional.of(control) : Optional.empty();
    }

    private String describe(String control, Proportion controlCounts, List<Comparison> comparisons,
            double comparisonAlpha, long exposure) {
        StringBuilder text = new StringBuilder();
        if (comparisons.size() > 1) {
            text.append("alpha ").append(format(alpha)).append(" split over ").append(comparisons.size())
                    .append(" comparisons. ");
        }
        for (Comparison comparison : comparisons) {
            text.append(comparison.variant()).append(" vs ").append(control).append(": ")
                    .append(rate(comparison.counts())).append(" vs ").append(rate(controlCounts));
            comparison.running().ifPresentOrElse(
                    running -> text.append(", ").append(estimate(running, comparisonAlpha)),
                    () -> text.append(", not evaluated until each arm has a conversion and a non-conversion"));
            text.append(". ");
        }
        text.append("Exposure ").append(exposure).append(" of maximum ").append(maxSample).append('.');
        return text.toString();
    }

    private static String estimate(RunningMinimum running, double comparisonAlpha) {
        SequentialEstimate latest = running.latest();
        return "difference " + signedPercentagePoints(latest.difference()) + " pp, always-valid p "
                + format(latest.pValue()) + " (running minimum " + format(running.pValue()) + " over "
                + running.looks() + " looks), " + format((1 - comparisonAlpha) * 100) + "% confidence sequence ["
                + signedPercentagePoints(latest.lower()) + ", " + signedPercentagePoints(latest.upper()) + "] pp";
    }

    private String sampleRatio(AbTest test, Map<String, ArmCounts> arms) {
        List<Variant> variants = test.variants();
        long[] observed = variants.stream().mapToLong(v -> counts(arms, v).trials()).toArray();
        double[] weights = variants.stream().mapToDouble(Variant::weight).toArray();
        SampleRatioCheck check = SampleRatioCheck.test(observed, weights, srmThreshold);
        if (!check.mismatch()) {
            return "";
        }
        return " SAMPLE-RATIO MISMATCH: exposure deviates from the planned weights (chi-square "
                + twoDecimals(check.chiSquare()) + ", p " + format(check.pValue()) + " < " + format(srmThreshold)
                + "); check variant assignment before trusting this result.";
    }

    private static String rate(Proportion counts) {
        return counts.successes() + "/" + counts.trials() + " (" + twoDecimals(counts.rate() * 100) + "%)";
    }

    /** A rate difference in percentage points with two decimals and an explicit sign. */
    private static String signedPercentagePoints(double difference) {
        String text = twoDecimals(difference * 100);
        return text.startsWith("-") ? text : "+" + text;
    }

    private static String twoDecimals(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Four significant digits (String.format is much slower, and the judge runs after every conversion). */
    private static String format(double value) {
        return new BigDecimal(value).round(FOUR_DIGITS).toString();
    }

    /** Running state is kept per test and per non-control variant. */
    private record TrackerKey(String testId, String variant) {
    }

    /** One variant's comparison with the control at this look. */
    private record Comparison(String variant, Proportion counts, Optional<RunningMinimum> running) {
        boolean decided(double comparisonAlpha) {
            return running.isPresent() && running.get().pValue() <= comparisonAlpha;
        }

        double direction() {
            return running.map(r -> Math.signum(r.best().difference())).orElse(0.0);
        }
    }

    /** Configures a {@link SequentialExperimentJudge}. */
    public static final class Builder {
        private double alpha = AlwaysValidTest.DEFAULT_ALPHA;
        private long expectedSample = AlwaysValidTest.DEFAULT_EXPECTED_SAMPLE;
        private Optional<Long> maxSample = Optional.empty();
        private double srmThreshold = SampleRatioCheck.DEFAULT_THRESHOLD;

        private Builder() {
        }

        /** Overall significance level, split over comparisons when there are more than two variants (default 0.05). */
        public Builder alpha(double alpha) {
            this.alpha = alpha;
            return this;
        }

        /** N*, the expected total sample of a comparison at decision time, fixed for a test's life (default 5000). */
        public Builder expectedSample(long expectedSample) {
            this.expectedSample = expectedSample;
            return this;
        }

        /** Total exposure of all arms at which a test stops without a winner (default 2 × N*). */
        public Builder maxSample(long maxSample) {
            this.maxSample = Optional.of(maxSample);
            return this;
        }

        /** p-value below which a sample-ratio mismatch is flagged (default 0.001). */
        public Builder srmThreshold(double srmThreshold) {
            this.srmThreshold = srmThreshold;
            return this;
        }

        /**
         * Builds the judge.
         *
         * @throws ConfigurationException when a setting is out of range
         */
        public SequentialExperimentJudge build() {
            if (!(alpha > 0.0 && alpha < 1.0)) {
                throw new ConfigurationException("alpha must be strictly between 0 and 1, was " + alpha);
            }
            if (expectedSample <= 0) {
                throw new ConfigurationException("expectedSample must be positive, was " + expectedSample);
            }
            if (maxSample.isPresent() && maxSample.get() <= 0) {
                throw new ConfigurationException("maxSample must be positive, was " + maxSample.get());
            }
            if (!(srmThreshold > 0.0 && srmThreshold < 1.0)) {
                throw new ConfigurationException("srmThreshold must be strictly between 0 and 1, was " + srmThreshold);
            }
            return new SequentialExperimentJudge(this);
        }
    }
}
