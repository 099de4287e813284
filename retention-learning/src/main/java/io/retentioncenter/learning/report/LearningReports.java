package io.retentioncenter.learning.report;

import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.spi.FactSource;
import io.retentioncenter.learning.phrase.PhraseAnalyzer;
import io.retentioncenter.learning.stats.AlwaysValidTest;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes {@link LearningReport}s from a store's facts. Each report reads the store in one
 * streaming pass: sales of the range into a map by lead (they are few), then leads for their time
 * zones, enrollments, step executions and attempts, each streamed once and folded into counters as
 * it passes, so cost grows linearly with the data and no attempt is kept in memory. Message texts
 * are tokenized once per distinct text. Thread-safe: reports may be computed concurrently.
 *
 * <pre>{@code
 * LearningReports reports = LearningReports.builder().store(store).clock(clock).build();
 * LearningReport report = reports.report(ReportQuery.between(from, to)
 *         .scope(ReportScope.campaign(campaignId)).attributionWindow(Duration.ofDays(7)).build());
 * System.out.println(report.toText());
 * }</pre>
 */
public final class LearningReports {
    private static final Logger LOG = LoggerFactory.getLogger(LearningReports.class);

    private final FactSource store;
    private final Clock clock;
    private final double abTestAlpha;
    private final long abTestExpectedSample;

    private LearningReports(Builder builder) {
        this.store = builder.store;
        this.clock = builder.clock;
        this.abTestAlpha = builder.abTestAlpha;
        this.abTestExpectedSample = builder.abTestExpectedSample;
    }

    /** A builder; the store is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Computes the report for {@code query}.
     *
     * @throws io.retentioncenter.core.ValidationException when the query is missing
     * @throws io.retentioncenter.core.NotFoundException when the scope's campaign or sequence does not exist
     * @throws io.retentioncenter.core.StoreException when the store fails
     */
    public LearningReport report(ReportQuery query) {
        Require.present(query, "query");
        long started = System.nanoTime();
        ReportContext context = ReportContext.load(store, query, clock.instant());
        FactScan scan = new FactScan(store, context, PhraseAnalyzer.builder().minSupport(query.minSupport()).build());
        scan.run();
        LearningReport report = new ReportAssembler(store, context, scan,
                new AbTestReporter(store, abTestAlpha, abTestExpectedSample, scan.abExposures, context.observedUntil))
                .assemble(started);
        LOG.debug("learning report for {} over [{}, {}): {} attempts, {} conversions, {} enrollments read in {} ms",
                query.scope().label(), query.from(), query.to(), report.scan().attempts(), report.scan().conversions(),
                report.scan().enrollments(), report.scan().elapsed().toMillis());
        return report;
    }

    /** Configures {@link LearningReports}. */
    public static final class Builder {
        private FactSource store;
        private Clock clock = Clock.systemUTC();
        private double abTestAlpha = AlwaysValidTest.DEFAULT_ALPHA;
        private long abTestExpectedSample = AlwaysValidTest.DEFAULT_EXPECTED_SAMPLE;

        private Builder() {
        }

        /** The store the facts are read from (required). */
        public Builder store(FactSource value) {
            this.store = value;
            return this;
        }

        /**
         * The clock that says when "now" is: observation ends at the earlier of now and the range's
         * end (default: the UTC system clock).
         */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /**
         * Alpha of the A/B comparisons, split evenly over a test's comparisons (default 0.05); use the
         * same as the engine's {@link io.retentioncenter.learning.experiment.SequentialExperimentJudge}.
         */
        public Builder abTestAlpha(double value) {
            this.abTestAlpha = value;
            return this;
        }

        /** N*, the expected total sample of an A/B comparison (default 5000); use the same as the judge's. */
        public Builder abTestExpectedSample(long value) {
            this.abTestExpectedSample = value;
            return this;
        }

        /**
         * Builds the report computer.
         *
         * @throws ConfigurationException when the store or clock is missing or a setting is out of range
         */
        public LearningReports build() {
            if (store == null) {
                throw new ConfigurationException("store is required");
            }
            if (clock == null) {
                throw new ConfigurationException("clock is required");
            }
            if (!(abTestAlpha > 0.0 && abTestAlpha < 1.0)) {
                throw new ConfigurationException("abTestAlpha must be strictly between 0 and 1, was " + abTestAlpha);
            }
            if (abTestExpectedSample <= 0) {
                throw new ConfigurationException("abTestExpectedSample must be positive, was " + abTestExpectedSample);
            }
            return new LearningReports(this);
        }
    }
}
