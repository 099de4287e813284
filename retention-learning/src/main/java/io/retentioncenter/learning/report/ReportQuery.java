package io.retentioncenter.learning.report;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.internal.Require;
import java.time.Duration;
import java.time.Instant;

/**
 * What a {@link LearningReports#report} covers and how it tests.
 *
 * @param scope global, one campaign, one sequence or one channel
 * @param from start of the range, inclusive
 * @param to end of the range, exclusive; facts after it are not read
 * @param minSupport fewest messages that must contain a phrase before it is tested, and fewest
 *     leads a funnel step needs before it can be named a bottleneck
 * @param shrinkage m, the pseudo-sends each heatmap cell is shrunk toward the overall rate with
 * @param attributionWindow how long after an attempt (or an enrollment) a sale still counts for it, and
 *     how long an attempt's window stays open; also the horizon of "converted by" (default 7 days)
 * @param significance the q-value (Benjamini–Hochberg) at or below which a finding is reported as
 *     an insight or a suggestion
 */
public record ReportQuery(ReportScope scope, Instant from, Instant to, int minSupport, double shrinkage,
        Duration attributionWindow, double significance) {
    /** Default {@link #minSupport()}. */
    public static final int DEFAULT_MIN_SUPPORT = 20;
    /** Default {@link #shrinkage()}. */
    public static final double DEFAULT_SHRINKAGE = 20.0;
    /** Default {@link #significance()}. */
    public static final double DEFAULT_SIGNIFICANCE = 0.05;
    /** Default {@link #attributionWindow()}. */
    public static final Duration DEFAULT_ATTRIBUTION_WINDOW = Duration.ofDays(7);

    /** Validates. */
    public ReportQuery {
        Require.present(scope, "scope");
        Require.present(from, "from");
        Require.present(to, "to");
        if (!from.isBefore(to)) {
            throw new ValidationException("to", "must be after from (" + from + "), was " + to);
        }
        Require.positive(minSupport, "minSupport");
        if (!(shrinkage >= 0.0 && Double.isFinite(shrinkage))) {
            throw new ValidationException("shrinkage", "must be a finite number >= 0, was " + shrinkage);
        }
        Require.present(attributionWindow, "attributionWindow");
        if (attributionWindow.isNegative() || attributionWindow.isZero()) {
            throw new ValidationException("attributionWindow", "must be positive, was " + attributionWindow);
        }
        if (!(significance > 0.0 && significance < 1.0)) {
            throw new ValidationException("significance", "must be strictly between 0 and 1, was " + significance);
        }
    }

    /** A builder for the range {@code [from, to)}, global scope and default options. */
    public static Builder between(Instant from, Instant to) {
        return new Builder(from, to);
    }

    /** The attribution window in milliseconds. */
    long attributionWindowMillis() {
        return attributionWindow.toMillis();
    }

    /** Builds a {@link ReportQuery}. */
    public static final class Builder {
        private final Instant from;
        private final Instant to;
        private ReportScope scope = ReportScope.global();
        private int minSupport = DEFAULT_MIN_SUPPORT;
        private double shrinkage = DEFAULT_SHRINKAGE;
        private Duration attributionWindow = DEFAULT_ATTRIBUTION_WINDOW;
        private double significance = DEFAULT_SIGNIFICANCE;

        private Builder(Instant from, Instant to) {
            this.from = from;
            this.to = to;
        }

        /** The scope (default global). */
        public Builder scope(ReportScope value) {
            this.scope = value;
            return this;
        }

        /** Minimum support (default 20). */
        public Builder minSupport(int value) {
            this.minSupport = value;
            return this;
        }

        /** Heatmap shrinkage m (default 20 pseudo-sends). */
        public Builder shrinkage(double value) {
            this.shrinkage = value;
            return this;
        }

        /** Attribution window (default 7 days). */
        public Builder attributionWindow(Duration value) {
            this.attributionWindow = Require.present(value, "attributionWindow");
            return this;
        }

        /** Significance level for insights and suggestions (default q &le; 0.05). */
        public Builder significance(double value) {
            this.significance = value;
            return this;
        }

        /**
         * Builds the query.
         *
         * @throws ValidationException when a value is missing or out of range
         */
        public ReportQuery build() {
            return new ReportQuery(scope, from, to, minSupport, shrinkage, attributionWindow, significance);
        }
    }
}
