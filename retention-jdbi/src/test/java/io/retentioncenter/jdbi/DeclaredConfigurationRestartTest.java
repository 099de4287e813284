package io.retentioncenter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.experiment.Variant;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.script.Script;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.NewSequence;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.spi.RetentionStore;
import io.retentioncenter.core.testing.MutableClock;
import io.retentioncenter.core.testing.RecordingChannelProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A host that declares its campaign, scripts, sequence and A/B test at every start (as the README
 * shows) keeps one of each across restarts and across engines starting together, on PostgreSQL, and
 * every lead gets one welcome email.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeclaredConfigurationRestartTest {
    private final MutableClock clock = MutableClock.at("2026-01-05T10:00:00Z");
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

    /** What the host runs at start-up. */
    private static void declareConfiguration(RetentionEngine engine) {
        Campaign campaign = engine.campaigns().declare("fb-es-retention", NewCampaign.builder("FB ES retention")
                .autoAssign(AutoAssignRule.everything()).contactLimit(6).build());
        Script a = engine.scripts().declare("welcome-a", NewScript.builder(Channel.EMAIL, "welcome A", "Hi {{firstName}}!")
                .subject("Welcome").campaign(campaign.id()).build());
        Script b = engine.scripts().declare("welcome-b", NewScript.builder(Channel.EMAIL, "welcome B", "Hello {{firstName}}!")
                .subject("Welcome!").campaign(campaign.id()).build());
        RetentionSequence nurture = engine.sequences().declare("nurture", NewSequence.builder("Nurture")
                .campaign(campaign.id()).step(Channel.EMAIL, 0, DelayUnit.MINUTES).step(Channel.SMS, 12, DelayUnit.HOURS)
                .build());
        engine.sequences().activate(nurture.id());
        engine.experiments().declare("welcome-subject", campaign.id(), Channel.EMAIL,
                List.of(new Variant("A", a.id(), 1), new Variant("B", b.id(), 1)));
    }

    /**
     * A store on a pool of its own, as one host instance has. Two connections each keep the nine
     * instances of this test far below the server's connection limit, which other tests share.
     */
    private RetentionStore instanceStore() {
        return db.storeOn(db.pool(2));
    }

    private RetentionEngine start(RetentionStore store, RecordingChannelProvider email, String instance) {
        return RetentionEngine.builder().store(store).clock(clock).instanceId(instance).channel(email).build();
    }

    @Test
    void fourRestartsLeaveOneOfEachAndEveryLeadGetsOneWelcomeEmail() throws Exception {
        RecordingChannelProvider email = RecordingChannelProvider.of(Channel.EMAIL);
        List<String> leads = new ArrayList<>();
        for (int restart = 0; restart < 4; restart++) {
            RetentionEngine engine = start(instanceStore(), email, "host-" + restart);
            declareConfiguration(engine);
            leads.add(engine.leads().ingest(NewLead.builder(LeadSource.API).email("lead" + restart + "@example.com")
                    .firstName("L" + restart).build()).lead().id());
            engine.tick();
        }
        RetentionEngine last = start(instanceStore(), email, "host-check");
        assertThat(last.campaigns().list()).hasSize(1);
        assertThat(last.scripts().list()).hasSize(2);
        assertThat(last.sequences().list()).hasSize(1);
        assertThat(last.experiments().list()).hasSize(1);
        Map<String, Long> emailsPerLead = email.sent().stream()
                .collect(Collectors.groupingBy(m -> m.leadId(), Collectors.counting()));
        assertThat(emailsPerLead).containsOnlyKeys(leads).allSatisfy((lead, n) -> assertThat(n).isEqualTo(1));

        // Four engines starting together declare the same configuration: still one of each.
        ExecutorService threads = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> starts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            RetentionEngine engine = start(instanceStore(), email, "together-" + i);
            starts.add(threads.submit(() -> {
                go.await();
                declareConfiguration(engine);
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : starts) {
            f.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();
        assertThat(last.campaigns().list()).hasSize(1);
        assertThat(last.scripts().list()).hasSize(2);
        assertThat(last.sequences().list()).hasSize(1);
        assertThat(last.experiments().list()).hasSize(1);
    }
}
