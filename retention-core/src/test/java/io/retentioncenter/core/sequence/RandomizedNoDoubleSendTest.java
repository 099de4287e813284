package io.retentioncenter.core.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.campaign.RateLimit;
import io.retentioncenter.core.campaign.Schedule;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.spi.RetentionStore;
import io.retentioncenter.core.spi.SendResult;
import io.retentioncenter.core.testing.MutableClock;
import io.retentioncenter.core.testing.RecordingChannelProvider;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Many leads through the example sequence over simulated weeks with random conversions, opt-outs,
 * campaign pauses, provider failures and crashes injected around the store calls of the tick. No
 * step is ever accepted by a provider twice, nothing is sent to a lead after it converted or opted
 * out, and every enrollment ends in a legal state.
 */
class RandomizedNoDoubleSendTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void noStepIsEverSentTwice(long seed) {
        Random random = new Random(seed);
        MutableClock clock = MutableClock.at("2026-01-05T08:00:00Z");
        RetentionStore store = new InMemoryRetentionStore();
        Map<String, Integer> acceptedPerStep = new ConcurrentHashMap<>();
        Map<String, Instant> lastAcceptedAt = new ConcurrentHashMap<>();
        List<RecordingChannelProvider> providers = new ArrayList<>();
        for (Channel ch : Channel.values()) {
            RecordingChannelProvider p = RecordingChannelProvider.of(ch);
            Random failures = new Random(seed * 31 + ch.ordinal());
            p.respondWith(m -> {
                double roll = failures.nextDouble();
                if (roll < 0.10) {
                    return SendResult.retryableFailure("flaky", Optional.empty());
                }
                if (roll < 0.13) {
                    return SendResult.permanentFailure("rejected");
                }
                String step = m.idempotencyKey().substring(0, m.idempotencyKey().lastIndexOf(':'));
                acceptedPerStep.merge(step, 1, Integer::sum);
                lastAcceptedAt.merge(m.leadId(), clock.instant(), (a, b) -> a.isAfter(b) ? a : b);
                return SendResult.accepted("ref-" + m.attemptId() + "-" + m.idempotencyKey());
            });
            providers.add(p);
        }
        RetentionEngine setup = engine(store, clock, providers, seed, "setup");
        setup.scripts().create(NewScript.builder(Channel.EMAIL, "e", "Hi {{firstName}}").subject("Hi").build());
        setup.scripts().create(NewScript.builder(Channel.SMS, "s", "Hi {{firstName}}").build());
        setup.scripts().create(NewScript.builder(Channel.CALL, "c", "Call {{firstName}}").build());
        Campaign campaign = setup.campaigns().create(NewCampaign.builder("chaos").contactLimit(6)
                .schedule(Schedule.daily(ZoneId.of("Europe/Madrid"), LocalTime.of(8, 0), LocalTime.of(21, 0)))
                .rateLimit(Channel.SMS, RateLimit.perHour(40)).build());
        RetentionSequence seq = setup.sequences().create(NewSequence.builder("nurture").campaign(campaign.id())
                .step(Channel.EMAIL, 0, DelayUnit.MINUTES).step(Channel.SMS, 12, DelayUnit.HOURS)
                .step(Channel.EMAIL, 24, DelayUnit.HOURS).step(Channel.CALL, 2, DelayUnit.DAYS)
                .step(Channel.SMS, 5, DelayUnit.DAYS).step(Channel.EMAIL, 7, DelayUnit.DAYS).build());
        setup.sequences().activate(seq.id());

        Map<String, Instant> endedAt = new HashMap<>();
        int generation = 0;
        RetentionEngine engine = engine(CrashingStore.wrap(store, random, 0.08), clock, providers, seed, "g0");
        for (int round = 0; round < 600; round++) {
            if (round < 200 && random.nextInt(3) == 0) {
                for (int i = 0; i < 1 + random.nextInt(3); i++) {
                    int n = random.nextInt(400);
                    setup.leads().ingest(NewLead.builder(LeadSource.META).email("l" + n + "@example.com")
                            .phone(n % 5 == 0 ? null : "+1415555" + String.format("%04d", n)).firstName("L" + n).build());
                }
            }
            maybeEndLead(setup, store, random, clock, endedAt);
            if (random.nextInt(80) == 0) {
                setup.campaigns().pause(campaign.id());
            } else if (random.nextInt(20) == 0 && setup.campaigns().get(campaign.id()).status()
                    == io.retentioncenter.core.campaign.CampaignStatus.PAUSED) {
                setup.campaigns().resume(campaign.id());
            }
            try {
                engine.tick();
            } catch (CrashingStore.SimulatedCrash crash) {
                generation++;
                clock.advance(Duration.ofMinutes(6)); // leases (2 and 5 minutes) expire; a new process starts
                engine = engine(CrashingStore.wrap(store, random, 0.08), clock, providers, seed, "g" + generation);
            }
            clock.advance(Duration.ofMinutes(20 + random.nextInt(60)));
        }
        if (setup.campaigns().get(campaign.id()).status() == io.retentioncenter.core.campaign.CampaignStatus.PAUSED) {
            setup.campaigns().resume(campaign.id());
        }
        RetentionEngine finisher = engine(store, clock, providers, seed, "finisher");
        for (int i = 0; i < 400; i++) {
            clock.advance(Duration.ofHours(1));
            finisher.tick();
        }

        assertThat(generation).as("crashes injected").isGreaterThan(5);
        assertThat(acceptedPerStep).isNotEmpty();
        assertThat(acceptedPerStep.values()).as("accepted sends per (enrollment, step)").allMatch(n -> n == 1);
        endedAt.forEach((leadId, at) -> assertThat(lastAcceptedAt.getOrDefault(leadId, Instant.EPOCH))
                .as("no send after the lead converted or opted out").isBeforeOrEqualTo(at));
        for (SequenceEnrollment e : store.listEnrollments(EnrollmentQuery.all(), new PageRequest(0, 1000)).items()) {
            assertThat(e.status().isFinal()).as("enrollment %s ends in a final state", e.id()).isTrue();
            assertThat(e.completedAt()).isPresent();
            Lead lead = store.findLead(e.leadId()).orElseThrow();
            if (e.status() == EnrollmentStatus.CONVERTED) {
                assertThat(lead.status()).isEqualTo(LeadStatus.CONVERTED);
            }
            if (e.exitReason().filter(r -> r == ExitReason.OPTED_OUT).isPresent()) {
                assertThat(lead.status()).isEqualTo(LeadStatus.DO_NOT_CONTACT);
            }
            for (ContactAttempt a : store.attemptsOfLead(e.leadId())) {
                assertThat(a.status()).as("attempt %s resolved", a.id())
                        .isNotIn(AttemptStatus.PENDING, AttemptStatus.DISPATCHING, AttemptStatus.SCHEDULED);
            }
        }
    }

    private static void maybeEndLead(RetentionEngine setup, RetentionStore store, Random random, MutableClock clock,
            Map<String, Instant> endedAt) {
        if (random.nextInt(4) != 0) {
            return;
        }
        List<Lead> leads = store.listLeads(new PageRequest(0, 1000)).items();
        if (leads.isEmpty()) {
            return;
        }
        Lead lead = leads.get(random.nextInt(leads.size()));
        if (!lead.status().contactable()) {
            return;
        }
        if (random.nextBoolean()) {
            store.endOutreach(lead.id(), LeadStatus.CONVERTED, EnrollmentStatus.CONVERTED, ExitReason.CONVERTED,
                    clock.instant());
        } else {
            setup.leads().doNotContact(lead.id());
        }
        endedAt.put(lead.id(), clock.instant());
    }

    private static RetentionEngine engine(RetentionStore store, MutableClock clock,
            List<RecordingChannelProvider> providers, long seed, String instance) {
        var b = RetentionEngine.builder().store(store).clock(clock).randomSeed(seed).instanceId(instance)
                .batchSize(25).retryBackoff(Duration.ofMinutes(5)).dispatchTimeout(Duration.ofSeconds(5));
        providers.forEach(b::channel);
        return b.build();
    }
}
