package io.retentioncenter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.ArmAssignment;
import io.retentioncenter.core.experiment.ArmCounts;
import io.retentioncenter.core.experiment.StepTarget;
import io.retentioncenter.core.experiment.Treatment;
import io.retentioncenter.core.experiment.Variant;
import io.retentioncenter.core.internal.LeadNormalizer;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.NewSequence;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.sequence.SequenceEnrollment;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Four engines with different random seeds (so their own draws disagree) tick one PostgreSQL database
 * whose campaign runs a 1 h / 2 h delay test of step 2. Every lead gets exactly one arm, its step 2 is
 * due at that arm's delay, and when the leads enrol again and other engines plan step 2, the stored
 * arm wins over their draws.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiEngineTimingPostgresTest {
    private static final int LEADS = 400;
    private static final int ENGINES = 4;
    private static final int BATCH = 10;

    private TestDatabase db;

    @BeforeAll
    void open() {
        db = TestDatabase.postgres();
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void fourEnginesGiveEveryLeadOneArmAndPlanItsStepByIt() throws Exception {
        MutableClock clock = MutableClock.at("2026-01-05T10:00:00Z");
        Instant start = clock.instant();
        RetentionStore setupStore = db.newStore();
        RetentionEngine setup = engine(setupStore, clock, 0);
        Campaign c = setup.campaigns().create(NewCampaign.builder("timing").contactLimit(10)
                .autoAssign(AutoAssignRule.manualOnly()).build());
        setup.scripts().create(NewScript.builder(Channel.EMAIL, "e", "Hi {{firstName}}").subject("Hi").build());
        RetentionSequence s = setup.sequences().activate(setup.sequences().create(NewSequence.builder("two")
                .campaign(c.id()).step(Channel.EMAIL, 0, DelayUnit.MINUTES).step(Channel.EMAIL, 1, DelayUnit.DAYS)
                .build()).id());
        AbTest test = setup.experiments().start(c.id(), new StepTarget(s.id(), 2), List.of(
                Variant.delay("1h", Duration.ofHours(1), 1), Variant.delay("2h", Duration.ofHours(2), 1)));
        List<Lead> leads = new ArrayList<>();
        LeadNormalizer normalizer = new LeadNormalizer("US");
        for (int i = 0; i < LEADS; i++) {
            Lead lead = normalizer.toLead(NewLead.builder(LeadSource.API).email("t" + i + "@example.com")
                    .firstName("T" + i).build(), start);
            setupStore.insertLeadIfAbsent(lead);
            leads.add(lead);
        }
        List<RetentionEngine> engines = new ArrayList<>();
        for (int i = 1; i <= ENGINES; i++) {
            engines.add(engine(db.newStore(), clock, i));
        }

        enrollAndTick(setupStore, engines, leads, s, c, start, "a");
        Map<String, String> arms = new HashMap<>();
        for (Lead lead : leads) {
            ArmAssignment arm = setupStore.armAssignment(test.id(), lead.id()).orElseThrow();
            arms.put(lead.id(), arm.variant());
            assertThat(setupStore.findEnrollment("enr_a_" + lead.id()).orElseThrow().nextExecuteAt())
                    .isEqualTo(start.plus(delay(test, arm.variant())));
        }
        assertThat(setupStore.abTestCounts(test.id()).values().stream().mapToLong(ArmCounts::exposed).sum())
                .isEqualTo(LEADS);

        clock.set(start.plus(Duration.ofHours(3)));
        for (RetentionEngine e : engines) {
            while (!e.tick().idle()) {
                // drain
            }
        }
        Instant again = clock.instant();
        enrollAndTick(setupStore, engines, leads, s, c, again, "b");
        for (Lead lead : leads) {
            assertThat(setupStore.armAssignment(test.id(), lead.id()).orElseThrow().variant())
                    .isEqualTo(arms.get(lead.id()));
            assertThat(setupStore.findEnrollment("enr_b_" + lead.id()).orElseThrow().nextExecuteAt())
                    .isEqualTo(again.plus(delay(test, arms.get(lead.id()))));
        }
        assertThat(setupStore.abTestCounts(test.id()).values().stream().mapToLong(ArmCounts::exposed).sum())
                .isEqualTo(LEADS);
    }

    /** Enrolls every lead as {@code enr_<tag>_<lead>} at {@code at} and lets the engines race their first step. */
    private static void enrollAndTick(RetentionStore store, List<RetentionEngine> engines, List<Lead> leads,
            RetentionSequence s, Campaign c, Instant at, String tag) throws Exception {
        for (Lead lead : leads) {
            store.enroll(SequenceEnrollment.start("enr_" + tag + "_" + lead.id(), s.id(), lead.id(), c.id(), at, at),
                    Duration.ZERO);
        }
        Race.run(ENGINES, t -> {
            RetentionEngine e = engines.get(t);
            while (!e.tick().idle()) {
                // until one tick finds nothing
            }
            return List.of();
        });
    }

    private static Duration delay(AbTest test, String arm) {
        return ((Treatment.DelayArm) test.variant(arm).orElseThrow().treatment()).delay();
    }

    private static RetentionEngine engine(RetentionStore store, MutableClock clock, int seed) {
        return RetentionEngine.builder().store(store).clock(clock).instanceId("engine-" + seed).randomSeed(seed * 7919L)
                .channel(RecordingChannelProvider.of(Channel.EMAIL)).batchSize(BATCH).build();
    }
}
