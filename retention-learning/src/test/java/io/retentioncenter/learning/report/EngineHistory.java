package io.retentioncenter.learning.report;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.conversion.ConversionCommand;
import io.retentioncenter.core.conversion.ConversionStatus;
import io.retentioncenter.core.conversion.PostbackKind;
import io.retentioncenter.core.experiment.Variant;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.script.Script;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.NewSequence;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.sequence.SequenceStep;
import io.retentioncenter.core.sequence.TickResult;
import io.retentioncenter.core.testing.MutableClock;
import io.retentioncenter.core.testing.RecordingChannelProvider;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Histories made by a real engine (in-memory store, simulated clock, recording providers) for
 * report tests with known answers: campaigns with an email sequence, leads enrolled at
 * chosen times, sales credited by the tracker to the lead's latest attempt, opt-outs through the
 * engine. Times start at {@link #MONDAY}, a Monday midnight UTC.
 */
final class EngineHistory {
    static final Instant MONDAY = Instant.parse("2026-01-05T00:00:00Z");

    final InMemoryRetentionStore store = new InMemoryRetentionStore();
    final MutableClock clock = MutableClock.at(MONDAY);
    final RetentionEngine engine = RetentionEngine.builder().store(store).clock(clock).randomSeed(11)
            .channel(RecordingChannelProvider.of(Channel.EMAIL)).channel(RecordingChannelProvider.of(Channel.SMS))
            .build();
    private int leads;
    private int sales;
    private int scripts;

    static Instant hour(double hours) {
        return MONDAY.plus(Duration.ofMinutes(Math.round(hours * 60)));
    }

    /** A campaign without auto-assignment. */
    Campaign campaign(String name) {
        return engine.campaigns().create(NewCampaign.builder(name).autoAssign(AutoAssignRule.manualOnly())
                .contactLimit(100).build());
    }

    /** An email script of {@code campaign}. */
    Script script(Campaign campaign, String body) {
        return engine.scripts().create(NewScript.builder(Channel.EMAIL, "email " + (++scripts), body).subject("News")
                .campaign(campaign.id()).build());
    }

    /**
     * An active email sequence of {@code campaign}: step 1 sends {@code script} (or the campaign's, or
     * an A/B test's) at enrollment, step 2 thirty days later, so enrollments stay active meanwhile.
     */
    RetentionSequence sequence(Campaign campaign, String name, Optional<Script> script) {
        RetentionSequence sequence = engine.sequences().create(NewSequence.builder(name).campaign(campaign.id())
                .step(new SequenceStep(1, Channel.EMAIL, 0, DelayUnit.MINUTES, script.map(Script::id), Set.of(),
                        SequenceStep.DEFAULT_MAX_RETRIES))
                .step(Channel.EMAIL, 30, DelayUnit.DAYS).build());
        return engine.sequences().activate(sequence.id());
    }

    /** Starts an email A/B test of {@code campaign}: variant A sends {@code bodyA}, B {@code bodyB}; returns its id. */
    String abTest(Campaign campaign, String bodyA, String bodyB) {
        return engine.experiments().start(campaign.id(), Channel.EMAIL, List.of(
                new Variant("A", script(campaign, bodyA).id(), 1), new Variant("B", script(campaign, bodyB).id(), 1)))
                .id();
    }

    /** The leads of {@code leads} whose first attempt was in {@code variant}. */
    List<String> inVariant(List<String> leads, String variant) {
        return leads.stream().filter(l -> store.attemptsOfLead(l).get(0).variant().orElseThrow().equals(variant))
                .toList();
    }

    /** At {@code at}: {@code count} new leads enrolled in {@code sequence}, their step run and sent. */
    List<String> enroll(Instant at, RetentionSequence sequence, int count) {
        moveTo(at);
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int n = ++leads;
            ids.add(engine.leads().ingest(NewLead.builder(LeadSource.API).firstName("Lead")
                    .email("lead" + n + "@example.com").build()).lead().id());
        }
        engine.sequences().enroll(sequence.id(), ids);
        run();
        return ids;
    }

    /** At {@code at}: each lead buys; the tracker credits its latest attempt. */
    void sell(Instant at, List<String> leadIds) {
        moveTo(at);
        for (String leadId : leadIds) {
            ContactAttempt credited = store.attemptsOfLead(leadId).stream()
                    .max(Comparator.comparing(ContactAttempt::createdAt)).orElseThrow();
            String id = "sale-" + (++sales);
            Conversion sale = new Conversion(id, leadId, credited.campaignId(), Optional.of(credited.channel()),
                    Optional.of(credited.id()), credited.enrollmentId(), credited.stepOrder(), credited.abTestId(),
                    credited.variant(), ConversionStatus.SALE, BigDecimal.TEN, Optional.of("EUR"), Optional.empty(),
                    at, at, Map.of());
            store.recordConversion(new ConversionCommand(id, PostbackKind.SALE, sale, BigDecimal.TEN, at));
        }
    }

    /** At {@code at}: each lead opts out through the engine. */
    void optOut(Instant at, List<String> leadIds) {
        moveTo(at);
        leadIds.forEach(engine.leads()::doNotContact);
    }

    /** The report over {@code [MONDAY, to)} with attribution window {@code window}, observed at {@code to}. */
    LearningReport report(Instant to, Duration window) {
        moveTo(to);
        return LearningReports.builder().store(store).clock(clock).build()
                .report(ReportQuery.between(MONDAY, to).attributionWindow(window).build());
    }

    private void moveTo(Instant at) {
        if (at.isBefore(clock.instant())) {
            throw new IllegalArgumentException("time goes forward: " + at + " is before " + clock.instant());
        }
        clock.set(at);
    }

    private void run() {
        TickResult result;
        int ticks = 0;
        do {
            result = engine.tick();
        } while (!result.idle() && ++ticks < 20);
    }
}
