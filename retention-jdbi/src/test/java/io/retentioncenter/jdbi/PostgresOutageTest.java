package io.retentioncenter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.zaxxer.hikari.HikariDataSource;
import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.StoreException;
import io.retentioncenter.core.TickLoop;
import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.NewSequence;
import io.retentioncenter.core.spi.EngineListener;
import io.retentioncenter.core.spi.OutboundMessage;
import io.retentioncenter.core.testing.RecordingChannelProvider;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away under a running tick loop and comes back: the database refuses connections and
 * every open one is terminated for a few seconds. Ticks fail meanwhile (reported through the
 * listener), an ingest fails with a transient {@link StoreException}, and once the database is back
 * the same loop, never restarted, contacts every lead ingested before and after exactly once.
 */
class PostgresOutageTest {
    private static final int LEADS_BEFORE = 40;
    private static final int LEADS_AFTER = 40;
    /** The shortest outage; it lasts until the loop has reported a failed tick, too. */
    private static final Duration OUTAGE = Duration.ofSeconds(3);
    /** Generous bound of every wait for something that must happen. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void theTickLoopRidesOutAnOutageAndContactsEveryLeadExactlyOnce() throws Exception {
        long started = System.nanoTime();
        try (OwnDatabase database = OwnDatabase.create("rc_outage")) {
            HikariDataSource pool = database.pool(4, Duration.ofSeconds(2));
            RecordingChannelProvider provider = RecordingChannelProvider.of(Channel.EMAIL);
            TickErrors errors = new TickErrors();
            JdbiRetentionStore store = JdbiRetentionStore.create(pool);
            RetentionEngine engine = RetentionEngine.builder().store(store).channel(provider)
                    .listener(errors).instanceId("outage-engine").batchSize(20)
                    .enrollmentLease(Duration.ofSeconds(10)).dispatchLease(Duration.ofSeconds(30))
                    .dispatchTimeout(Duration.ofSeconds(10)).build();
            Campaign campaign = engine.campaigns().create(NewCampaign.builder("outage").contactLimit(5)
                    .autoAssign(AutoAssignRule.everything()).build());
            engine.scripts().create(NewScript.builder(Channel.EMAIL, "hello", "Hi {{firstName}}").subject("Hi").build());
            engine.sequences().activate(engine.sequences().create(NewSequence.builder("one step")
                    .campaign(campaign.id()).step(Channel.EMAIL, 0, DelayUnit.MINUTES).build()).id());

            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
            TickLoop loop = engine.schedule(scheduler, Duration.ofMillis(100));
            Set<String> expected = new HashSet<>();
            long outageMillis;
            try {
                ingest(engine, "before", LEADS_BEFORE, expected);
                await("leads ingested before the outage contacted", () -> contacted(provider).containsAll(expected));
                long ticks = loop.completedTicks();
                await("the loop idles", () -> loop.completedTicks() >= ticks + 2);

                long outageStarted = System.nanoTime();
                int failedBefore = errors.count();
                database.allowConnections(false);
                database.terminateConnections();
                assertThatThrownBy(() -> engine.leads().ingest(lead("during", 0)))
                        .as("ingest during the outage").isInstanceOfSatisfying(StoreException.class,
                                e -> assertThat(e.isTransient()).as("transient: %s", e.getMessage()).isTrue());
                await("the loop reports failed ticks", () -> errors.count() > failedBefore);
                sleepUntil(outageStarted + OUTAGE.toNanos());
                database.allowConnections(true);
                outageMillis = (System.nanoTime() - outageStarted) / 1_000_000;
                assertThat(errors.storeErrors()).as("failed ticks report typed store errors").isPositive();

                await("the store answers again", () -> answers(store));
                ingest(engine, "after", LEADS_AFTER, expected);
                await("every lead contacted", () -> contacted(provider).containsAll(expected));
                long ticksAfter = loop.completedTicks();
                await("two more ticks", () -> loop.completedTicks() >= ticksAfter + 2);
                assertThat(loop.isRunning()).as("the loop never stopped").isTrue();
            } finally {
                assertThat(loop.stop(PATIENCE)).isTrue();
                scheduler.shutdownNow();
            }

            Map<String, Long> sends = provider.sent().stream()
                    .collect(Collectors.groupingBy(OutboundMessage::recipient, Collectors.counting()));
            assertThat(sends.keySet()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(sends).allSatisfy((recipient, n) -> assertThat(n).as("sends to one lead").isEqualTo(1));
            System.out.printf("OUTAGE: leads=%d outage=%d ms failedTicks=%d runtime=%d ms%n", expected.size(),
                    outageMillis, loop.failedTicks(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static void ingest(RetentionEngine engine, String prefix, int count, Set<String> expected) {
        for (int i = 0; i < count; i++) {
            NewLead lead = lead(prefix, i);
            engine.leads().ingest(lead);
            expected.add(lead.email().orElseThrow());
        }
    }

    private static NewLead lead(String prefix, int i) {
        return NewLead.builder(LeadSource.API).email(prefix + i + "@example.com").firstName("Lead" + i).build();
    }

    private static Set<String> contacted(RecordingChannelProvider provider) {
        return provider.sent().stream().map(OutboundMessage::recipient).collect(Collectors.toSet());
    }

    private static boolean answers(JdbiRetentionStore store) {
        try {
            store.configVersion();
            return true;
        } catch (StoreException e) {
            return false;
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long giveUp = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > giveUp) {
                fail("gave up waiting " + PATIENCE.toSeconds() + " s: " + what);
            }
            Thread.sleep(50);
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000 + 1);
        }
    }

    /** Counts the failed ticks the loop reports. */
    private static final class TickErrors implements EngineListener {
        private final List<Throwable> errors = new CopyOnWriteArrayList<>();

        @Override
        public void error(String where, Throwable error) {
            if (where.equals("tick")) {
                errors.add(error);
            }
        }

        int count() {
            return errors.size();
        }

        long storeErrors() {
            return errors.stream().filter(e -> e instanceof StoreException s && s.isTransient()).count();
        }
    }
}
