package io.retentioncenter.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.StoreException;
import io.retentioncenter.core.TickLoop;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.spi.EngineListener;
import io.retentioncenter.core.support.FaultyStore;
import io.retentioncenter.core.support.TestEngine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TickLoopTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void shutdown() {
        scheduler.shutdownNow();
    }

    @Test
    void theLoopReportsEveryFailureAndKeepsTicking() throws Exception {
        AtomicBoolean databaseDown = new AtomicBoolean(true);
        List<String> errors = new CopyOnWriteArrayList<>();
        EngineListener listener = new EngineListener() {
            @Override
            public void error(String where, Throwable error) {
                errors.add(where + ":" + error.getClass().getSimpleName());
            }
        };
        TestEngine t = TestEngine.on(FaultyStore.wrap(new InMemoryRetentionStore(), (method, args) ->
                databaseDown.get() && method.getName().equals("claimDueEnrollments")
                        ? new StoreException("connection refused", null, true) : null), b -> b.listener(listener))
                .withDefaultScripts();
        t.engine.campaigns().create(io.retentioncenter.core.campaign.NewCampaign.builder("c")
                .autoAssign(io.retentioncenter.core.campaign.AutoAssignRule.everything()).build());

        TickLoop loop = t.engine.schedule(scheduler, Duration.ofMillis(5));
        waitFor(() -> loop.failedTicks() >= 3);
        t.engine.leads().ingest(NewLead.builder(LeadSource.API).email("ana@example.com").build());
        databaseDown.set(false);
        waitFor(() -> t.totalSends() == 1 && loop.completedTicks() > 0);

        assertThat(loop.isRunning()).isTrue();
        assertThat(errors).contains("tick:StoreException");
        assertThat(loop.completedTicks()).isPositive();
        assertThat(loop.stop(Duration.ofSeconds(30))).isTrue();
        assertThat(loop.isRunning()).isFalse();
        long ticks = loop.completedTicks() + loop.failedTicks();
        Thread.sleep(50);
        assertThat(loop.completedTicks() + loop.failedTicks()).as("no tick after stop").isEqualTo(ticks);
        assertThat(t.totalSends()).isEqualTo(1);
    }

    @Test
    void scheduleRefusesAMissingOrStoppedExecutorAndANonPositiveDelay() {
        TestEngine t = TestEngine.create();
        assertThatThrownBy(() -> t.engine.schedule(null, Duration.ofSeconds(1)))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> t.engine.schedule(scheduler, Duration.ZERO))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> t.engine.schedule(scheduler, null)).isInstanceOf(ConfigurationException.class);
        ScheduledExecutorService stopped = Executors.newSingleThreadScheduledExecutor();
        stopped.shutdown();
        assertThatThrownBy(() -> t.engine.schedule(stopped, Duration.ofSeconds(1)))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void aDirectTickKeepsItsTypedException() {
        TestEngine t = TestEngine.on(FaultyStore.wrap(new InMemoryRetentionStore(), (method, args) ->
                method.getName().equals("claimDueEnrollments") ? new StoreException("down", null, true) : null),
                b -> b);
        assertThatThrownBy(t.engine::tick).isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).isTransient()).isTrue());
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(5);
        }
    }
}
