package io.retentioncenter.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.conversion.ConversionStatus;
import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.spi.ChannelProvider;
import io.retentioncenter.core.testing.RecordingChannelProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The demo runs offline and its summary agrees with the store. */
class DemoTest {

    @Test
    void demoRunsOfflineAndPrintsItsSummaryAndTheLearningReport() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        InMemoryRetentionStore store = new InMemoryRetentionStore();
        Map<Channel, ChannelProvider> providers = DemoChannels.fromEnvironment(name -> Optional.empty());
        Demo.DemoOutcome outcome = Demo.run(store, providers, new PrintStream(buffer, true, StandardCharsets.UTF_8),
                120, 4);
        String out = buffer.toString(StandardCharsets.UTF_8);

        assertThat(providers.values()).allMatch(p -> p instanceof RecordingChannelProvider);
        assertThat(out).contains("recording only: nothing leaves this machine", "Intake:", "created", "duplicate",
                "rejected", "Per step", "A/B test EMAIL", "LEARNING REPORT", "OVERVIEW", "FUNNEL", "HEATMAP");
        AtomicLong sales = new AtomicLong();
        store.scanConversions(Instant.EPOCH, outcome.clock().instant().plusSeconds(1), c -> {
            if (c.status() == ConversionStatus.SALE) {
                sales.incrementAndGet();
            }
        });
        assertThat(sales.get()).isPositive();
        assertThat(outcome.learning().overview().conversions()).isEqualTo(sales.get());
        int sends = providers.values().stream().mapToInt(p -> ((RecordingChannelProvider) p).count()).sum();
        assertThat(out).contains("EMAIL " + ((RecordingChannelProvider) providers.get(Channel.EMAIL)).count());
        assertThat(sends).isPositive();
    }
}
