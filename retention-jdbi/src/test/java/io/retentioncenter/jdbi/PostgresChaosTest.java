package io.retentioncenter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.zaxxer.hikari.HikariDataSource;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.TickLoop;
import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.internal.LeadNormalizer;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.EnrollmentQuery;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.NewSequence;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.spi.ChannelProvider;
import io.retentioncenter.core.spi.OutboundMessage;
import io.retentioncenter.core.spi.SendResult;
import io.retentioncenter.core.testing.MutableClock;
import io.retentioncenter.core.testing.RecordingChannelProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Four engines (four pools, as on four hosts) tick a database of their own through their tick loops
 * while another thread terminates every backend of that database every 200 to 500 ms. The engines'
 * clock stands still during the chaos, so no lease expires under a working engine. Afterwards the
 * loops stop (each finishing its tick), the clock jumps past every lease and new loops of the same
 * engines recover what the chaos left behind. No lead is sent a step twice, every enrollment
 * completes, and the attempts whose outcome was lost (UNKNOWN) stay under 5 %: completions and the
 * reads between claim and send are retried on a fresh connection, so a kill rarely loses one.
 */
class PostgresChaosTest {
    private static final int ENROLLMENTS = 2_000;
    private static final int STEPS = 2;
    private static final int ENGINES = 4;
    /** The chaos ends when this share of the sends happened, or after {@link #CHAOS_LIMIT}. */
    private static final double CHAOS_UNTIL_SENT = 0.95;
    private static final Duration CHAOS_LIMIT = Duration.ofSeconds(12);
    /** Generous bound of every wait for something that must happen. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** A provider's answer takes this long: the chaos should meet engines in the middle of their work. */
    private static final long SEND_MILLIS = 2;

    @Test
    void killingBackendsNeverSendsAStepTwice() throws Exception {
        long started = System.nanoTime();
        try (OwnDatabase database = OwnDatabase.create("rc_chaos")) {
            MutableClock clock = MutableClock.at("2026-01-05T10:00:00Z");
            JdbiRetentionStore setupStore = JdbiRetentionStore.create(database.pool(4, Duration.ofSeconds(5)));
            RetentionSequence sequence = setUp(setupStore, clock);

            List<SlowProvider> providers = new ArrayList<>();
            List<TickLoop> loops = new ArrayList<>();
            ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(ENGINES);
            Chaos chaos = new Chaos(database, providers);
            List<RetentionEngine> engines = new ArrayList<>();
            int kills;
            long failedTicks = 0;
            long setUp = System.nanoTime();
            long chaosEnded;
            try {
                for (int i = 0; i < ENGINES; i++) {
                    SlowProvider provider = new SlowProvider();
                    providers.add(provider);
                    engines.add(engine(database.pool(3, Duration.ofSeconds(2)), clock, provider, "chaos-" + i));
                }
                engines.forEach(engine -> loops.add(engine.schedule(scheduler, Duration.ofMillis(20))));
                kills = chaos.run();
                chaosEnded = System.nanoTime();
                assertThat(loops).allSatisfy(loop -> assertThat(loop.isRunning()).as("survived").isTrue());
                for (TickLoop loop : loops) {
                    assertThat(loop.stop(PATIENCE)).isTrue();
                    failedTicks += loop.failedTicks();
                }
                loops.clear();
                clock.advance(Duration.ofMinutes(10)); // past every lease the chaos left behind
                engines.forEach(engine -> loops.add(engine.schedule(scheduler, Duration.ofMillis(20))));
                await("every enrollment completed and every attempt dispatched", () -> settled(setupStore));
            } finally {
                loops.forEach(loop -> assertThat(loop.stop(PATIENCE)).isTrue());
                scheduler.shutdownNow();
            }

            Map<String, ContactAttempt> attempts = new HashMap<>();
            setupStore.scanAttempts(Instant.EPOCH, clock.instant().plus(Duration.ofDays(1)),
                    a -> attempts.put(a.id(), a));
            Map<String, Integer> sendsPerStep = new HashMap<>();
            long sends = 0;
            for (SlowProvider provider : providers) {
                for (OutboundMessage m : provider.recording.sent()) {
                    ContactAttempt a = attempts.get(m.attemptId());
                    sendsPerStep.merge(m.leadId() + "#" + a.stepOrder().orElseThrow(), 1, Integer::sum);
                    sends++;
                }
            }
            long doubleSends = sendsPerStep.values().stream().filter(n -> n > 1).count();
            Map<AttemptStatus, Integer> byStatus = new EnumMap<>(AttemptStatus.class);
            attempts.values().forEach(a -> byStatus.merge(a.status(), 1, Integer::sum));
            int unknown = byStatus.getOrDefault(AttemptStatus.UNKNOWN, 0);
            long now = System.nanoTime();
            System.out.printf("CHAOS: kills=%d attempts=%d unknown=%d (%.2f%%) doubleSends=%d sends=%d"
                    + " failedTicks=%d setup=%d ms chaos=%d ms recovery=%d ms%n", kills, attempts.size(), unknown,
                    100.0 * unknown / attempts.size(), doubleSends, sends, failedTicks, (setUp - started) / 1_000_000,
                    (chaosEnded - setUp) / 1_000_000, (now - chaosEnded) / 1_000_000);

            assertThat(doubleSends).as("steps sent twice").isZero();
            assertThat(100.0 * unknown / attempts.size()).as("share of attempts left UNKNOWN, %").isLessThan(5.0);
            assertThat(setupStore.listEnrollments(EnrollmentQuery.ofSequence(sequence.id())
                    .withStatus(EnrollmentStatus.COMPLETED), PageRequest.first(1)).total()).isEqualTo(ENROLLMENTS);
            assertThat(attempts).hasSize(ENROLLMENTS * STEPS);
            assertThat(byStatus.keySet()).as("every attempt sent or unknown")
                    .isSubsetOf(AttemptStatus.SENT, AttemptStatus.UNKNOWN);
            assertThat(sends).as("every SENT attempt was sent")
                    .isGreaterThanOrEqualTo(byStatus.getOrDefault(AttemptStatus.SENT, 0));
            assertThat(kills).as("the chaos happened").isPositive();
        }
    }

    /** A campaign with a two-step sequence and {@link #ENROLLMENTS} due enrollments, written in parallel. */
    private static RetentionSequence setUp(JdbiRetentionStore store, MutableClock clock) throws Exception {
        RetentionEngine setup = RetentionEngine.builder().store(store).clock(clock).instanceId("setup")
                .channel(RecordingChannelProvider.of(Channel.EMAIL)).build();
        Campaign campaign = setup.campaigns().create(NewCampaign.builder("chaos").contactLimit(10)
                .autoAssign(AutoAssignRule.manualOnly()).build());
        setup.scripts().create(NewScript.builder(Channel.EMAIL, "hello", "Hi {{firstName}}").subject("Hi").build());
        RetentionSequence sequence = setup.sequences().activate(setup.sequences().create(NewSequence.builder("two")
                .campaign(campaign.id()).step(Channel.EMAIL, 0, DelayUnit.MINUTES)
                .step(Channel.EMAIL, 0, DelayUnit.MINUTES).build()).id());
        LeadNormalizer normalizer = new LeadNormalizer("US");
        Instant now = clock.instant();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int first = w;
                writes.add(writers.submit(() -> {
                    for (int i = first; i < ENROLLMENTS; i += 4) {
                        Lead lead = normalizer.toLead(NewLead.builder(LeadSource.API).email("c" + i + "@example.com")
                                .firstName("C" + i).build(), now);
                        store.insertLeadIfAbsent(lead);
                        store.enroll(SequenceEnrollment.start("enr_c_" + i, sequence.id(), lead.id(), campaign.id(),
                                now, now), sequence.reenrollCooldown());
                    }
                    return null;
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            writers.shutdownNow();
        }
        return sequence;
    }

    private static RetentionEngine engine(HikariDataSource pool, MutableClock clock, ChannelProvider provider,
            String id) {
        JdbiRetentionStore store = JdbiRetentionStore.builder().dataSource(pool).migrate(false).build();
        return RetentionEngine.builder().store(store).clock(clock).instanceId(id).channel(provider).batchSize(25)
                .maxBatchesPerTick(2).build();
    }

    /** Whether every enrollment completed and no attempt waits for (or is in) dispatch. */
    private static boolean settled(JdbiRetentionStore store) {
        if (store.listEnrollments(EnrollmentQuery.all().withStatus(EnrollmentStatus.COMPLETED),
                PageRequest.first(1)).total() < ENROLLMENTS) {
            return false;
        }
        AtomicBoolean open = new AtomicBoolean();
        store.scanAttempts(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), a -> {
            if (a.status().isUndispatched() || a.status() == AttemptStatus.DISPATCHING) {
                open.set(true);
            }
        });
        return !open.get();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long giveUp = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > giveUp) {
                fail("gave up waiting " + PATIENCE.toSeconds() + " s: " + what);
            }
            Thread.sleep(250);
        }
    }

    /** Terminates every backend of the database every 200 to 500 ms while the engines work. */
    private record Chaos(OwnDatabase database, List<SlowProvider> providers) {
        /** Runs the chaos; returns the number of rounds that terminated at least one backend. */
        int run() throws Exception {
            long end = System.nanoTime() + CHAOS_LIMIT.toNanos();
            int kills = 0;
            while (System.nanoTime() < end && sent() < CHAOS_UNTIL_SENT * ENROLLMENTS * STEPS) {
                Thread.sleep(ThreadLocalRandom.current().nextLong(200, 501));
                kills += database.terminateConnections() > 0 ? 1 : 0;
            }
            System.out.printf("CHAOS: %d of %d steps sent when the chaos ended%n", sent(), ENROLLMENTS * STEPS);
            return kills;
        }

        private long sent() {
            return providers.stream().mapToLong(p -> p.recording.count()).sum();
        }
    }

    /** Records every send, answering after {@link #SEND_MILLIS}. Not idempotent: a lost outcome is UNKNOWN. */
    private static final class SlowProvider implements ChannelProvider {
        private final RecordingChannelProvider recording = RecordingChannelProvider.of(Channel.EMAIL);

        @Override
        public Channel channel() {
            return recording.channel();
        }

        @Override
        public String name() {
            return recording.name();
        }

        @Override
        public CompletionStage<SendResult> send(OutboundMessage message) {
            try {
                TimeUnit.MILLISECONDS.sleep(SEND_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return recording.send(message);
        }
    }
}
