package io.retentioncenter.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.EngineStats;
import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.TickResult;
import io.retentioncenter.core.spi.EngineListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Micrometer meters for an engine, registered as an {@link EngineListener}. Micrometer is an
 * optional dependency of retention-core: add {@code io.micrometer:micrometer-core} to use this class;
 * hosts that do not use it need nothing.
 *
 * <pre>{@code
 * MicrometerMetrics metrics = MicrometerMetrics.on(registry);
 * RetentionEngine engine = RetentionEngine.builder().store(store).listener(metrics).build();
 * metrics.bindGauges(engine);
 * }</pre>
 *
 * <p>Meters: {@code retention.sends} (counter; tags {@code channel}, {@code provider}, {@code outcome}
 * = sent, retry, failed, unknown, cancelled), {@code retention.attempts.unknown} (counter),
 * {@code retention.dispatch.latency} (timer: from an attempt's due time to the end of its dispatch),
 * {@code retention.tick.duration} (timer), {@code retention.tick.claimed} (summary: enrollments
 * claimed per tick), {@code retention.leads.created}, {@code retention.conversions},
 * {@code retention.errors} (tag {@code where}), and the gauges {@code retention.enrollments.active},
 * {@code retention.backlog}, {@code retention.attempts.unknown.open} and
 * {@code retention.enrollments.set_aside}, read from {@link RetentionEngine#stats()} at most once per
 * refresh interval.
 */
public final class MicrometerMetrics implements EngineListener {
    private static final Duration DEFAULT_REFRESH = Duration.ofSeconds(30);

    private final MeterRegistry registry;
    private final Counter unknown;
    private final Timer tickDuration;
    private final DistributionSummary claimed;
    private final Counter leadsCreated;
    private final Counter conversions;
    private final Clock clock = Clock.systemUTC();
    private volatile StatsCache stats;

    private MicrometerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.unknown = Counter.builder("retention.attempts.unknown")
                .description("dispatches that ended with their outcome unknown").register(registry);
        this.tickDuration = Timer.builder("retention.tick.duration").description("wall time of one tick")
                .register(registry);
        this.claimed = DistributionSummary.builder("retention.tick.claimed")
                .description("enrollments claimed in one tick").register(registry);
        this.leadsCreated = Counter.builder("retention.leads.created").register(registry);
        this.conversions = Counter.builder("retention.conversions").description("conversions recorded or upgraded")
                .register(registry);
    }

    /**
     * Meters on {@code registry}; add the result to the engine builder with {@code .listener(...)}.
     *
     * @throws ConfigurationException when {@code registry} is null
     */
    public static MicrometerMetrics on(MeterRegistry registry) {
        if (registry == null) {
            throw new ConfigurationException("MicrometerMetrics needs a MeterRegistry");
        }
        return new MicrometerMetrics(registry);
    }

    /**
     * Registers the gauges read from {@code engine.stats()}, refreshed at most every 30 seconds
     * (the figures come from the store).
     */
    public MicrometerMetrics bindGauges(RetentionEngine engine) {
        return bindGauges(engine, DEFAULT_REFRESH);
    }

    /**
     * Registers the gauges read from {@code engine.stats()}, refreshed at most once per {@code refresh}.
     *
     * @throws ConfigurationException when {@code engine} is null or {@code refresh} is not positive
     */
    public MicrometerMetrics bindGauges(RetentionEngine engine, Duration refresh) {
        if (engine == null || refresh == null || refresh.isNegative() || refresh.isZero()) {
            throw new ConfigurationException("bindGauges needs an engine and a positive refresh interval");
        }
        stats = new StatsCache(engine, refresh);
        gauge("retention.enrollments.active", "ACTIVE enrollments", EngineStats::activeEnrollments);
        gauge("retention.backlog", "attempts waiting in the outbox", EngineStats::scheduledBacklog);
        gauge("retention.attempts.unknown.open", "UNKNOWN attempts waiting for an operator",
                EngineStats::unknownAttempts);
        gauge("retention.enrollments.set_aside", "enrollments set aside", EngineStats::setAsideEnrollments);
        return this;
    }

    private void gauge(String name, String description, ToDoubleFunction<EngineStats> value) {
        Gauge.builder(name, this, m -> value.applyAsDouble(m.stats.get())).description(description)
                .register(registry);
    }

    @Override
    public void attemptDispatched(ContactAttempt attempt) {
        Counter.builder("retention.sends").description("dispatches by channel, provider and outcome")
                .tag("channel", attempt.channel().name().toLowerCase(Locale.ROOT))
                .tag("provider", attempt.provider().orElse("none"))
                .tag("outcome", outcome(attempt)).register(registry).increment();
        Timer.builder("retention.dispatch.latency").description("from an attempt's due time to the end of its dispatch")
                .tag("channel", attempt.channel().name().toLowerCase(Locale.ROOT)).register(registry)
                .record(Duration.between(attempt.dueAt(), attempt.updatedAt()).abs());
    }

    private static String outcome(ContactAttempt attempt) {
        return switch (attempt.status()) {
            case PENDING, SCHEDULED -> "retry";
            case FAILED -> "failed";
            case UNKNOWN -> "unknown";
            case CANCELLED -> "cancelled";
            default -> "sent";
        };
    }

    @Override
    public void attemptOutcomeUnknown(ContactAttempt attempt) {
        unknown.increment();
    }

    @Override
    public void tickCompleted(TickResult result, Duration took) {
        tickDuration.record(took);
        claimed.record(result.claimed());
    }

    @Override
    public void leadCreated(Lead lead) {
        leadsCreated.increment();
    }

    @Override
    public void converted(Conversion conversion) {
        conversions.increment();
    }

    @Override
    public void enrolled(SequenceEnrollment enrollment) {
        registry.counter("retention.enrollments.started").increment();
    }

    @Override
    public void error(String where, Throwable error) {
        registry.counter("retention.errors", "where", where).increment();
    }

    /** {@code engine.stats()}, read again when older than the refresh interval. */
    private final class StatsCache {
        private final RetentionEngine engine;
        private final Duration refresh;
        private EngineStats last;
        private Instant readAt = Instant.MIN;

        StatsCache(RetentionEngine engine, Duration refresh) {
            this.engine = engine;
            this.refresh = refresh;
        }

        synchronized EngineStats get() {
            Instant now = clock.instant();
            if (last == null || !now.isBefore(readAt.plus(refresh))) {
                last = engine.stats();
                readAt = now;
            }
            return last;
        }
    }
}
