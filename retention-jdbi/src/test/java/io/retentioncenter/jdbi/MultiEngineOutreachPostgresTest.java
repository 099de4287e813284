package io.retentioncenter.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.contact.LeadPacing;
import io.retentioncenter.core.internal.LeadNormalizer;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.reengagement.ReengagementTrigger;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.EnrollmentQuery;
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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Four engines, each with its own connection pool, tick one PostgreSQL database from the same instant:
 * leads in two campaigns at once are paced an hour apart however the engines share the work, and a
 * re-engagement rule moves each lead into its target sequence once.
 */
class MultiEngineOutreachPostgresTest {
    private static final int LEADS = 40;
    private static final int ENGINES = 4;
    private static final int BATCH = 10;
    private static final LeadPacing AN_HOUR_APART = LeadPacing.of(10, Duration.ofHours(1));

    @RegisterExtension
    final OpenDatabase db = OpenDatabase.postgres();

    @Test
    void leadsInTwoCampaignsAreContactedAnHourApartWhateverEngineTicks() {
        MutableClock clock = MutableClock.at("2026-01-05T10:00:00Z");
        RetentionStore store = db.emptyStore();
        RetentionEngine setup = engine(store, clock, RecordingChannelProvider.of(Channel.EMAIL), "setup");
        setup.scripts().create(NewScript.builder(Channel.EMAIL, "e", "Hi {{firstName}}").subject("Hi").build());
        List<RetentionSequence> sequences = new ArrayList<>();
        for (String name : List.of("first", "second")) {
            Campaign c = setup.campaigns().create(NewCampaign.builder(name).autoAssign(AutoAssignRule.manualOnly())
                    .build());
            sequences.add(setup.sequences().activate(setup.sequences().create(NewSequence.builder(name)
                    .campaign(c.id()).step(Channel.EMAIL, 0, DelayUnit.MINUTES).build()).id()));
        }
        List<String> leads = leads(store, clock.instant(), sequences);
        List<RecordingChannelProvider> providers = new ArrayList<>();
        List<RetentionEngine> engines = engines(clock, providers);

        tickUntilIdle(engines);
        assertThat(sends(providers)).as("one of each lead's two steps, the other paced").isEqualTo(LEADS);
        clock.advance(Duration.ofMinutes(59));
        tickUntilIdle(engines);
        assertThat(sends(providers)).isEqualTo(LEADS);
        clock.advance(Duration.ofMinutes(1));
        tickUntilIdle(engines);

        assertThat(sends(providers)).isEqualTo(2 * LEADS);
        for (String leadId : leads) {
            List<Instant> sent = store.attemptsOfLead(leadId).stream()
                    .filter(a -> a.status() == AttemptStatus.SENT).map(a -> a.sentAt().orElseThrow()).sorted()
                    .toList();
            assertThat(sent).hasSize(2);
            assertThat(Duration.between(sent.get(0), sent.get(1))).isGreaterThanOrEqualTo(Duration.ofHours(1));
        }
    }

    @Test
    void aReengagementRuleMovesEachLeadOnceWhateverEngineTicks() {
        MutableClock clock = MutableClock.at("2026-01-05T10:00:00Z");
        RetentionStore store = db.emptyStore();
        RetentionEngine setup = engine(store, clock, RecordingChannelProvider.of(Channel.EMAIL), "setup");
        setup.scripts().create(NewScript.builder(Channel.EMAIL, "e", "Hi {{firstName}}").subject("Hi").build());
        Campaign c = setup.campaigns().create(NewCampaign.builder("nurture").autoAssign(AutoAssignRule.manualOnly())
                .build());
        RetentionSequence source = setup.sequences().activate(setup.sequences().create(NewSequence.builder("first")
                .campaign(c.id()).step(Channel.EMAIL, 30, DelayUnit.DAYS).build()).id());
        RetentionSequence target = setup.sequences().activate(setup.sequences().create(NewSequence.builder("back")
                .step(Channel.EMAIL, 0, DelayUnit.MINUTES).build()).id());
        setup.reengagement().create(source.id(), ReengagementTrigger.AFTER_ENROLLMENT, Duration.ofHours(1),
                target.id());
        List<String> leads = leads(store, clock.instant(), List.of(source));
        List<RecordingChannelProvider> providers = new ArrayList<>();
        List<RetentionEngine> engines = engines(clock, providers);

        clock.advance(Duration.ofHours(1));
        tickUntilIdle(engines);
        tickUntilIdle(engines);

        assertThat(sends(providers)).isEqualTo(LEADS);
        for (String leadId : leads) {
            List<SequenceEnrollment> inTarget = store.listEnrollments(EnrollmentQuery.ofLead(leadId),
                    PageRequest.first(10)).items().stream().filter(e -> e.sequenceId().equals(target.id())).toList();
            assertThat(inTarget).hasSize(1);
        }
    }

    private static List<String> leads(RetentionStore store, Instant now, List<RetentionSequence> sequences) {
        LeadNormalizer normalizer = new LeadNormalizer("US");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            Lead lead = normalizer.toLead(NewLead.builder(LeadSource.API).email("p" + i + "@example.com")
                    .firstName("P" + i).build(), now);
            store.insertLeadIfAbsent(lead);
            for (RetentionSequence s : sequences) {
                store.enroll(SequenceEnrollment.start("enr_" + s.id() + "_" + i, s.id(), lead.id(),
                        s.campaignId().orElseThrow(), now, now.plus(s.step(1).orElseThrow().delay())),
                        s.reenrollCooldown());
            }
            ids.add(lead.id());
        }
        return ids;
    }

    private List<RetentionEngine> engines(MutableClock clock, List<RecordingChannelProvider> providers) {
        List<RetentionEngine> engines = new ArrayList<>();
        for (int i = 0; i < ENGINES; i++) {
            RecordingChannelProvider p = RecordingChannelProvider.of(Channel.EMAIL);
            providers.add(p);
            engines.add(engine(db.anotherStore(2), clock, p, "engine-" + i));
        }
        return engines;
    }

    /** The engines tick from the same instant, each on its own thread, until a tick finds nothing. */
    private static void tickUntilIdle(List<RetentionEngine> engines) {
        Race.run(engines.size(), t -> {
            TickResult r;
            do {
                r = engines.get(t).tick();
            } while (!r.idle());
            return List.of();
        });
    }

    private static int sends(List<RecordingChannelProvider> providers) {
        return providers.stream().mapToInt(RecordingChannelProvider::count).sum();
    }

    private static RetentionEngine engine(RetentionStore store, MutableClock clock, RecordingChannelProvider p,
            String id) {
        return RetentionEngine.builder().store(store).clock(clock).instanceId(id).channel(p).batchSize(BATCH)
                .leadPacing(AN_HOUR_APART).build();
    }
}
