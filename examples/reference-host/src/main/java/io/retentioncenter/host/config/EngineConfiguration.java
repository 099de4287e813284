package io.retentioncenter.host.config;

import static io.retentioncenter.host.config.RetentionProperties.given;

import io.micrometer.core.instrument.MeterRegistry;
import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.RetentionEngineBuilder;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.inbound.keitaro.KeitaroPostbackParser;
import io.retentioncenter.core.inbound.meta.GraphLeadClient;
import io.retentioncenter.core.inbound.meta.MetaWebhooks;
import io.retentioncenter.core.metrics.MicrometerMetrics;
import io.retentioncenter.jdbi.JdbiRetentionStore;
import io.retentioncenter.learning.experiment.SequentialExperimentJudge;
import io.retentioncenter.learning.report.LearningReports;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the engine from Spring's {@link DataSource}, the {@link RetentionProperties} and Spring's
 * {@link MeterRegistry}. Beans are destroyed in reverse order of their dependencies, so the tick
 * loop stops (see {@link TickLoopLifecycle}) before the scheduler shuts down and before the data
 * source closes.
 */
@Configuration(proxyBeanMethods = false)
public class EngineConfiguration {

    /** The engine's clock; a test replaces it with a {@code @Primary} MutableClock. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The store on Spring's data source; it runs its own Flyway migrations once, here. */
    @Bean
    JdbiRetentionStore retentionStore(DataSource dataSource) {
        return JdbiRetentionStore.create(dataSource);
    }

    @Bean
    HostChannels hostChannels(RetentionProperties properties, Clock clock) {
        return HostChannels.from(properties, clock);
    }

    @Bean
    ProviderWebhooks providerWebhooks(RetentionProperties properties, Clock clock, HostChannels channels) {
        return ProviderWebhooks.from(properties, clock, channels.of(Channel.SMS).name());
    }

    /** The Learning report over the same store and clock. */
    @Bean
    LearningReports learningReports(JdbiRetentionStore store, Clock clock) {
        return LearningReports.builder().store(store).clock(clock).build();
    }

    @Bean
    MicrometerMetrics retentionMetrics(MeterRegistry registry) {
        return MicrometerMetrics.on(registry);
    }

    @Bean
    RetentionEngine retentionEngine(JdbiRetentionStore store, Clock clock, HostChannels channels,
            MicrometerMetrics metrics, RetentionProperties properties) {
        RetentionEngineBuilder builder = RetentionEngine.builder().store(store).clock(clock)
                .defaultRegion(properties.defaultRegion()).experimentJudge(new SequentialExperimentJudge())
                .listener(metrics);
        channels.providers().values().forEach(builder::channel);
        metaWebhooks(properties.meta()).ifPresent(builder::metaWebhooks);
        graphLeads(properties.meta()).ifPresent(builder::graphLeads);
        given(properties.keitaro().secret())
                .map(secret -> KeitaroPostbackParser.builder().sharedSecret(secret).build())
                .ifPresent(builder::keitaro);
        RetentionEngine engine = builder.build();
        metrics.bindGauges(engine);
        return engine;
    }

    /** The scheduler the tick loop runs on; shut down after the loop stopped. */
    @Bean(destroyMethod = "shutdown")
    ScheduledExecutorService retentionScheduler() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "retention-ticks");
            t.setDaemon(false);
            return t;
        });
    }

    @Bean
    TickLoopLifecycle tickLoop(RetentionEngine engine, ScheduledExecutorService retentionScheduler,
            RetentionProperties properties) {
        return new TickLoopLifecycle(engine, retentionScheduler, properties.tickDelay(), properties.shutdownTimeout());
    }

    private static Optional<MetaWebhooks> metaWebhooks(RetentionProperties.Meta meta) {
        if (given(meta.verifyToken()).isEmpty() && given(meta.appSecret()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(MetaWebhooks.builder()
                .verifyToken(HostChannels.required(meta.verifyToken(), "retention.meta.verify-token"))
                .appSecret(HostChannels.required(meta.appSecret(), "retention.meta.app-secret")).build());
    }

    private static Optional<GraphLeadClient> graphLeads(RetentionProperties.Meta meta) {
        return given(meta.pageAccessToken()).map(token -> {
            GraphLeadClient.Builder b = GraphLeadClient.builder().pageAccessToken(token);
            Optional.ofNullable(meta.graphBaseUrl()).ifPresent(b::baseUri);
            return b.build();
        });
    }
}
