package io.retentioncenter.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.ConflictException;
import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.campaign.Schedule;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.conversion.ConversionCommand;
import io.retentioncenter.core.conversion.ConversionStatus;
import io.retentioncenter.core.conversion.PostbackKind;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.script.Script;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.NewSequence;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.testing.MutableClock;
import io.retentioncenter.core.testing.RecordingChannelProvider;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Timing A/B tests on the engine's clock: step 2 of a two-step email sequence is due at the delay (or
 * inside the send window) of the lead's arm, drawn sticky per lead when step 1 runs and stored once;
 * counts come from the assignments, sales before the step is sent included; pausing stops assigning
 * while planned steps keep their time.
 */
class TimingExperimentTest {
    private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

    private final InMemoryRetentionStore store = new InMemoryRetentionStore();
    private final MutableClock clock = MutableClock.at(START);
    private final RetentionEngine engine = RetentionEngine.builder().store(store).clock(clock).randomSeed(7)
            .channel(RecordingChannelProvider.of(Channel.EMAIL)).build();
    private final Campaign campaign = engine.campaigns().create(NewCampaign.builder("timing")
            .autoAssign(AutoAssignRule.manualOnly()).contactLimit(100)
            .schedule(Schedule.daily(ZoneId.of("Europe/Berlin"), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)).build());
    private final Script script = engine.scripts().create(NewScript.builder(Channel.EMAIL, "news", "Hello")
            .subject("News").campaign(campaign.id()).build());
    private final RetentionSequence sequence = engine.sequences().activate(engine.sequences().create(
            NewSequence.builder("two steps").campaign(campaign.id()).step(Channel.EMAIL, 0, DelayUnit.MINUTES)
                    .step(Channel.EMAIL, 24, DelayUnit.HOURS).build()).id());
    private final StepTarget step2 = new StepTarget(sequence.id(), 2);
    private final Map<String, String> enrollmentOfLead = new HashMap<>();
    private int leads;

    @Test
    void eachLeadsStepIsDueAtTheDelayOfItsStickyArm() {
        AbTest test = engine.experiments().start(campaign.id(), step2, List.of(
                Variant.delay("12h", Duration.ofHours(12), 1), Variant.delay("48h", Duration.ofHours(48), 1)));

        List<String> ids = enrollAndRun(200);

        Map<String, Long> perArm = new HashMap<>();
        for (String lead : ids) {
            ArmAssignment arm = store.armAssignment(test.id(), lead).orElseThrow();
            Duration delay = ((Treatment.DelayArm) test.variant(arm.variant()).orElseThrow().treatment()).delay();
            assertThat(enrollmentOf(lead).nextExecuteAt()).isEqualTo(START.plus(delay));
            assertThat(arm.assignedAt()).isEqualTo(START);
            perArm.merge(arm.variant(), 1L, Long::sum);
        }
        assertThat(perArm.get("12h")).isBetween(70L, 130L);
        assertThat(engine.experiments().counts(test.id())).containsOnly(
                Map.entry("12h", new ArmCounts(perArm.get("12h"), 0)), Map.entry("48h", new ArmCounts(perArm.get("48h"), 0)));

        clock.set(START.plus(Duration.ofHours(12)));
        runTicks();
        long sentAt12h = ids.stream().filter(l -> store.attemptsOfLead(l).size() == 2).count();
        assertThat(sentAt12h).isEqualTo(perArm.get("12h"));
    }

    @Test
    void aLeadKeepsItsArmWhenItsStepIsPlannedAgain() {
        AbTest test = engine.experiments().start(campaign.id(), step2, List.of(
                Variant.delay("12h", Duration.ofHours(12), 1), Variant.delay("48h", Duration.ofHours(48), 1)));
        String lead = enrollAndRun(1).get(0);
        ArmAssignment first = store.armAssignment(test.id(), lead).orElseThrow();
        clock.set(START.plus(Duration.ofDays(3)));
        engine.tick();
        clock.set(START.plus(Duration.ofDays(30)));
        enroll(List.of(lead));
        runTicks();

        assertThat(store.armAssignment(test.id(), lead)).contains(first);
        assertThat(engine.experiments().counts(test.id()).values().stream().mapToLong(ArmCounts::exposed).sum())
                .isEqualTo(1);
    }

    @Test
    void aSendWindowDefersTheStepToTheWindowsNextOpeningInTheCampaignZone() {
        AbTest test = engine.experiments().start(campaign.id(), step2, List.of(
                Variant.window("morning", SendWindow.parse("09:00-12:00"), 1),
                Variant.window("evening", SendWindow.parse("18:00-21:00"), 1)));

        for (String lead : enrollAndRun(20)) {
            String arm = store.armAssignment(test.id(), lead).orElseThrow().variant();
            // step 1 ran at 09:00 Berlin on Monday; step 2's own delay makes it 09:00 on Tuesday
            Instant expected = arm.equals("morning") ? Instant.parse("2026-01-06T08:00:00Z")
                    : Instant.parse("2026-01-06T17:00:00Z");
            assertThat(enrollmentOf(lead).nextExecuteAt()).isEqualTo(expected);
        }
    }

    @Test
    void salesBeforeTheDelayedStepIsSentCountForTheArm() {
        AbTest test = engine.experiments().start(campaign.id(), step2, List.of(
                Variant.delay("12h", Duration.ofHours(12), 1), Variant.delay("48h", Duration.ofHours(48), 1)));
        List<String> ids = enrollAndRun(40);
        String buyer = ids.stream().filter(l -> store.armAssignment(test.id(), l).orElseThrow().variant()
                .equals("48h")).findFirst().orElseThrow();

        clock.set(START.plus(Duration.ofHours(13)));
        sale(buyer);
        engine.tick();

        assertThat(store.attemptsOfLead(buyer)).hasSize(1);
        assertThat(engine.experiments().counts(test.id()).get("48h").converted()).isEqualTo(1);
        assertThat(engine.experiments().counts(test.id()).get("12h").converted()).isZero();
    }

    @Test
    void aPausedTestStopsAssigningAndAssignedLeadsKeepTheirPlannedTime() {
        AbTest test = engine.experiments().start(campaign.id(), step2, List.of(
                Variant.delay("1h", Duration.ofHours(1), 1), Variant.delay("2h", Duration.ofHours(2), 1)));
        List<String> assigned = enrollAndRun(10);
        engine.experiments().pause(test.id());
        List<String> later = enrollAndRun(10);

        assigned.forEach(l -> assertThat(enrollmentOf(l).nextExecuteAt()).isBefore(START.plus(Duration.ofHours(3))));
        later.forEach(l -> {
            assertThat(store.armAssignment(test.id(), l)).isEmpty();
            assertThat(enrollmentOf(l).nextExecuteAt()).isEqualTo(START.plus(Duration.ofHours(24)));
        });
        assertThat(engine.experiments().counts(test.id()).values().stream().mapToLong(ArmCounts::exposed).sum())
                .isEqualTo(10);
        engine.experiments().resume(test.id());
        engine.experiments().stop(test.id(), Optional.of("1h"));
        assertThat(engine.experiments().get(test.id()).status()).isEqualTo(AbTestStatus.COMPLETED);
        assertThat(engine.experiments().delete(test.id()).status()).isEqualTo(AbTestStatus.DELETED);
        assertThat(engine.experiments().counts(test.id()).values().stream().mapToLong(ArmCounts::exposed).sum())
                .isEqualTo(10);
    }

    @Test
    void aScriptTestOfTheCampaignAndChannelRunsAlongsideATimingTest() {
        AbTest timing = engine.experiments().start(campaign.id(), step2, List.of(
                Variant.delay("1h", Duration.ofHours(1), 1), Variant.delay("2h", Duration.ofHours(2), 1)));
        Script other = engine.scripts().create(NewScript.builder(Channel.EMAIL, "other", "Hi").subject("Hi")
                .campaign(campaign.id()).build());
        AbTest scripts = engine.experiments().start(campaign.id(), Channel.EMAIL, List.of(
                new Variant("A", script.id(), 1), new Variant("B", other.id(), 1)));

        for (String lead : enrollAndRun(10)) {
            assertThat(store.attemptsOfLead(lead).get(0).abTestId()).contains(scripts.id());
            assertThat(store.armAssignment(timing.id(), lead)).isPresent();
        }
        assertThat(timing.kind()).isEqualTo(TestKind.DELAY);
        assertThat(engine.experiments().get(scripts.id()).kind()).isEqualTo(TestKind.SCRIPT);
    }

    @Test
    void badTimingTestsAreRejectedWithTypedExceptions() {
        List<Variant> delays = List.of(Variant.delay("a", Duration.ofHours(1), 1),
                Variant.delay("b", Duration.ofHours(2), 1));
        ExperimentService experiments = engine.experiments();
        assertThatThrownBy(() -> experiments.start(campaign.id(), step2, List.of(Variant.delay("a",
                Duration.ofHours(1), 1), Variant.window("b", SendWindow.parse("09:00-10:00"), 1))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("one kind");
        assertThatThrownBy(() -> Variant.delay("a", Duration.ofHours(-1), 1)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> SendWindow.parse("09:00-09:00")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> SendWindow.parse("9 to 5")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> experiments.start(campaign.id(), new StepTarget("seq_missing", 2), delays))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> experiments.start(campaign.id(), new StepTarget(sequence.id(), 3), delays))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> experiments.start(campaign.id(), new StepTarget(sequence.id(), 1), delays))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> experiments.start(campaign.id(), step2, List.of(new Variant("a", "scr_1", 1),
                new Variant("b", "scr_2", 1)))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> experiments.start(campaign.id(), Channel.EMAIL, delays))
                .isInstanceOf(ValidationException.class);
        AbTest first = experiments.start(campaign.id(), step2, delays);
        assertThatThrownBy(() -> experiments.start(campaign.id(), step2, List.of(
                Variant.window("a", SendWindow.parse("09:00-10:00"), 1),
                Variant.window("b", SendWindow.parse("10:00-11:00"), 1)))).isInstanceOf(ConflictException.class);
        experiments.pause(first.id());
        AbTest second = experiments.start(campaign.id(), step2, delays);
        assertThatThrownBy(() -> experiments.resume(first.id())).isInstanceOf(ConflictException.class);
        experiments.stop(second.id(), Optional.empty());
        assertThat(experiments.declare("delay-test", campaign.id(), step2, delays).id())
                .isEqualTo(experiments.declare("delay-test", campaign.id(), step2, delays).id())
                .isNotEqualTo(second.id());
    }

    private List<String> enrollAndRun(int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int n = ++leads;
            ids.add(engine.leads().ingest(NewLead.builder(LeadSource.API).firstName("Lead")
                    .email("lead" + n + "@example.com").build()).lead().id());
        }
        enroll(ids);
        runTicks();
        return ids;
    }

    private void runTicks() {
        for (int i = 0; i < 20 && !engine.tick().idle(); i++) {
            // until idle
        }
    }

    private void enroll(List<String> ids) {
        engine.sequences().enroll(sequence.id(), ids).rows()
                .forEach(row -> enrollmentOfLead.put(row.leadId(), row.enrollmentId().orElseThrow()));
    }

    private SequenceEnrollment enrollmentOf(String leadId) {
        return store.findEnrollment(enrollmentOfLead.get(leadId)).orElseThrow();
    }

    private void sale(String leadId) {
        Instant at = clock.instant();
        Conversion sale = new Conversion("sale-" + leadId, leadId, campaign.id(), Optional.of(Channel.EMAIL),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                ConversionStatus.SALE, BigDecimal.TEN, Optional.of("EUR"), Optional.empty(), at, at, Map.of());
        store.recordConversion(new ConversionCommand("sale-" + leadId, PostbackKind.SALE, sale, BigDecimal.TEN, at));
    }
}
