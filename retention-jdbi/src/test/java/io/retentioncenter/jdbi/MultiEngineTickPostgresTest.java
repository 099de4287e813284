package io.retentioncenter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
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
import io.retentioncenter.core.sequence.TickResult;
import io.retentioncenter.core.spi.RetentionStore;
import io.retentioncenter.core.store.Race;
import io.retentioncenter.core.testing.MutableClock;
import io.retentioncenter.core.testing.RecordingChannelProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Four engines, each with its own connection pool (as on four hosts), tick one PostgreSQL database
 * holding 1,000 due enrollments of a two-step sequence at once (2,000 steps). With batches of 10 that is
 * some 200 enrollment claims and as many dispatch claims, raced by the four engines from the same
 * instant, and again with four workers per engine ({@code tickConcurrency}). Every step is sent exactly
 * once and none is lost.
 */
class MultiEngineTickPostgresTest {
    private static final int LEADS = 1_000;
    private static final int ENGINES = 4;
    /** Small batches: many claims per engine, so the engines really contend for the same rows. */
    private static final int BATCH = 10;

    private TestDatabase db;

    @BeforeEach
    void open() {
        db = TestDatabase.postgres();
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @ParameterizedTest(name = "tick concurrency {0}")
    @ValueSource(ints = {1, 4})
    void fourEnginesSendEveryStepExactlyOnce(int tickConcurrency) throws Exception {
        MutableClock clock = MutableClock.at("2026-01-05T10:00:00Z");
        RetentionStore setupStore = db.newStore();
        RetentionEngine setup = engine(setupStore, clock, RecordingChannelProvider.of(Channel.EMAIL), "setup", 1);
        Campaign c = setup.campaigns().create(NewCampaign.builder("multi").contactLimit(10)
                .autoAssign(AutoAssignRule.manualOnly()).build());
        setup.scripts().create(NewScript.builder(Channel.EMAIL, "e", "Hi {{firstName}}").subject("Hi").build());
        RetentionSequence s = setup.sequences().activate(setup.sequences().create(NewSequence.builder("two")
                .campaign(c.id()).step(Channel.EMAIL, 0, DelayUnit.MINUTES).step(Channel.EMAIL, 0, DelayUnit.MINUTES)
                .build()).id());
        LeadNormalizer normalizer = new LeadNormalizer("US");
        Instant now = clock.instant();
        // Setup is not what this test is about: four threads share the inserts.
        Race.run(ENGINES, t -> {
            for (int i = t; i < LEADS; i += ENGINES) {
                Lead lead = normalizer.toLead(NewLead.builder(LeadSource.API).email("m" + i + "@example.com")
                        .firstName("M" + i).build(), now);
                assertThat(setupStore.insertLeadIfAbsent(lead).created()).isTrue();
                setupStore.enroll(SequenceEnrollment.start("enr_m_" + i, s.id(), lead.id(), c.id(), now, now),
                        s.reenrollCooldown());
            }
            return List.of();
        });

        List<RecordingChannelProvider> providers = new ArrayList<>();
        List<RetentionEngine> engines = new ArrayList<>();
        for (int i = 0; i < ENGINES; i++) {
            RecordingChannelProvider p = RecordingChannelProvider.of(Channel.EMAIL);
            providers.add(p);
            engines.add(engine(db.newStore(), clock, p, "engine-" + i, tickConcurrency));
        }
        // The engines start ticking at the same instant, each on its own thread, until one tick finds nothing.
        AtomicLong executed = new AtomicLong();
        Race.run(ENGINES, t -> {
            RetentionEngine e = engines.get(t);
            TickResult r;
            do {
                r = e.tick();
                executed.addAndGet(r.executed());
            } while (!r.idle());
            return List.of();
        });

        Map<String, Integer> perKey = new HashMap<>();
        providers.forEach(p -> p.sendsPerKey().forEach((k, n) -> perKey.merge(k, n, Integer::sum)));
        assertThat(executed.get()).isEqualTo(2L * LEADS);
        assertThat(perKey).hasSize(2 * LEADS);
        assertThat(perKey.values()).allMatch(n -> n == 1);
        assertThat(providers).allSatisfy(p -> assertThat(p.count()).as("every engine did a share").isPositive());
        assertThat(setupStore.listEnrollments(EnrollmentQuery.all().withStatus(EnrollmentStatus.COMPLETED),
                io.retentioncenter.core.PageRequest.first(1)).total()).isEqualTo(LEADS);
        AtomicLong sent = new AtomicLong();
        setupStore.scanAttempts(Instant.EPOCH, now.plus(Duration.ofDays(1)), a -> {
            if (a.status() == AttemptStatus.SENT) {
                sent.incrementAndGet();
            }
        });
        assertThat(sent.get()).isEqualTo(2L * LEADS);
    }

    private static RetentionEngine engine(RetentionStore store, MutableClock clock, RecordingChannelProvider p,
            String id, int tickConcurrency) {
        return RetentionEngine.builder().store(store).clock(clock).instanceId(id).channel(p).batchSize(BATCH)
                .tickConcurrency(tickConcurrency).build();
    }
}
