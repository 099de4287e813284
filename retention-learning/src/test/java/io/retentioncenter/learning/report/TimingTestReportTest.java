package io.retentioncenter.learning.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.conversion.ConversionCommand;
import io.retentioncenter.core.conversion.ConversionStatus;
import io.retentioncenter.core.conversion.PostbackKind;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.AbTestStatus;
import io.retentioncenter.core.experiment.StepTarget;
import io.retentioncenter.core.experiment.TestKind;
import io.retentioncenter.core.experiment.Variant;
import io.retentioncenter.core.experiment.Verdict;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.script.NewScript;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.NewSequence;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.testing.MutableClock;
import io.retentioncenter.core.testing.RecordingChannelProvider;
import io.retentioncenter.learning.experiment.SequentialExperimentJudge;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A delay test of step 2 run by a real engine (in-memory store, simulated clock, sequential judge):
 * leads arrive daily, each lead's arm is drawn when step 1 runs, and a lead buys (before its delayed
 * step is even sent) with the probability of its arm. With a true effect the judge ends the test
 * with the better arm and the report turns it into a timing instruction; with none it keeps
 * running and the report instructs nothing.
 */
class TimingTestReportTest {
    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final int DAYS = 15;
    private static final int LEADS_PER_DAY = 100;

    private final InMemoryRetentionStore store = new InMemoryRetentionStore();
    private final MutableClock clock = MutableClock.at(START);
    private final RetentionEngine engine = RetentionEngine.builder().store(store).clock(clock).randomSeed(5)
            .experimentJudge(new SequentialExperimentJudge()).channel(RecordingChannelProvider.of(Channel.EMAIL))
            .build();
    private final SplittableRandom buyers = new SplittableRandom(17);
    private int leads;

    @Test
    void aTrueEffectEndsWithTheBetterDelayAndTheReportSaysUseIt() {
        Run run = run(Map.of("12h", 0.30, "48h", 0.10));

        assertThat(run.ended).as("a decision within %d days", DAYS).isNotNull();
        assertThat(run.ended.decision()).isEqualTo(Verdict.Decision.WINNER);
        assertThat(run.ended.winner()).contains("12h");
        AbTestReport reported = run.report.abTests().get(0);
        assertThat(reported.kind()).isEqualTo(TestKind.DELAY);
        assertThat(reported.step()).contains(run.step);
        assertThat(reported.variants()).extracting(VariantStat::arm).containsExactly("12 h", "48 h");
        assertThat(reported.variants().get(0).leads().trials()).isEqualTo(store.abTestCounts(run.test.id())
                .get("12h").exposed());
        assertThat(timingInstructions(run.report)).singleElement().satisfies(i -> {
            assertThat(i.evidence()).isEqualTo(Evidence.RANDOMIZED);
            assertThat(i.sentence()).contains("Use a 12 h delay for step 2 of " + run.step.sequenceId());
        });
        assertThat(run.report.toJson()).contains("\"arm\":\"12 h\"").contains("\"kind\":\"DELAY\"");
        assertThat(run.report.toHtml()).contains("timing test " + run.test.id()).contains("<td class=\"n\">48 h</td>");
    }

    @Test
    void aNullEffectKeepsRunningAndTheReportInstructsNothing() {
        Run run = run(Map.of("12h", 0.20, "48h", 0.20));

        assertThat(run.ended).isNull();
        assertThat(engine.experiments().get(run.test.id()).status()).isEqualTo(AbTestStatus.RUNNING);
        assertThat(run.report.abTests()).singleElement().satisfies(t -> assertThat(t.comparisons().get(0)
                .significant()).isFalse());
        assertThat(timingInstructions(run.report)).isEmpty();
        assertThat(run.report.insights()).noneMatch(i -> i.evidence() != Evidence.RANDOMIZED
                && (i.sentence().contains("Use ") || i.sentence().contains("Schedule")));
    }

    private static List<Insight> timingInstructions(LearningReport report) {
        return report.insights().stream().filter(i -> i.sentence().contains("delay for step")).toList();
    }

    /** Runs the delay test for {@link #DAYS} days, asking the judge after every day. */
    private Run run(Map<String, Double> buyRate) {
        Campaign campaign = engine.campaigns().create(NewCampaign.builder("timing")
                .autoAssign(AutoAssignRule.manualOnly()).contactLimit(100).build());
        engine.scripts().create(NewScript.builder(Channel.EMAIL, "news", "Hello").subject("News")
                .campaign(campaign.id()).build());
        RetentionSequence sequence = engine.sequences().activate(engine.sequences().create(
                NewSequence.builder("two steps").campaign(campaign.id()).step(Channel.EMAIL, 0, DelayUnit.MINUTES)
                        .step(Channel.EMAIL, 24, DelayUnit.HOURS).build()).id());
        StepTarget step = new StepTarget(sequence.id(), 2);
        AbTest test = engine.experiments().start(campaign.id(), step, List.of(
                Variant.delay("12h", Duration.ofHours(12), 1), Variant.delay("48h", Duration.ofHours(48), 1)));
        Verdict ended = null;
        for (int day = 0; day < DAYS && ended == null; day++) {
            clock.set(START.plus(Duration.ofDays(day)));
            List<String> arrived = enroll(sequence);
            clock.set(START.plus(Duration.ofDays(day)).plus(Duration.ofHours(6)));
            for (String lead : arrived) {
                String arm = store.armAssignment(test.id(), lead).orElseThrow().variant();
                if (buyers.nextDouble() < buyRate.get(arm)) {
                    sale(lead, campaign.id());
                }
            }
            Verdict verdict = engine.experiments().evaluate(test.id());
            ended = verdict.decision() == Verdict.Decision.CONTINUE ? null : verdict;
        }
        Instant end = clock.instant().plus(Duration.ofHours(1));
        clock.set(end);
        LearningReport report = LearningReports.builder().store(store).clock(clock).build()
                .report(ReportQuery.between(START, end).attributionWindow(Duration.ofDays(3)).build());
        return new Run(test, step, ended, report);
    }

    private List<String> enroll(RetentionSequence sequence) {
        List<String> ids = new ArrayList<>(LEADS_PER_DAY);
        for (int i = 0; i < LEADS_PER_DAY; i++) {
            int n = ++leads;
            ids.add(engine.leads().ingest(NewLead.builder(LeadSource.API).firstName("Lead")
                    .email("lead" + n + "@example.com").build()).lead().id());
        }
        engine.sequences().enroll(sequence.id(), ids);
        for (int i = 0; i < 20 && !engine.tick().idle(); i++) {
            // until idle
        }
        return ids;
    }

    private void sale(String leadId, String campaignId) {
        Instant at = clock.instant();
        Conversion sale = new Conversion("sale-" + leadId, leadId, campaignId, Optional.of(Channel.EMAIL),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                ConversionStatus.SALE, BigDecimal.TEN, Optional.of("EUR"), Optional.empty(), at, at, Map.of());
        store.recordConversion(new ConversionCommand("sale-" + leadId, PostbackKind.SALE, sale, BigDecimal.TEN, at));
    }

    private record Run(AbTest test, StepTarget step, Verdict ended, LearningReport report) {
    }
}
