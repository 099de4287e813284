package io.retentioncenter.learning.report;

import static io.retentioncenter.learning.report.EngineHistory.hour;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.script.Script;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.learning.stats.Proportion;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The report on engine-made histories whose answers are known, one per way a report can mislead:
 * a script, a day and an hour that always travel together; phrases that are an A/B test's split;
 * opt-outs in a leaderboard; send slots whose attribution window is still open.
 */
class TruthfulReportTest {
    /** Words that would instruct the reader; observational sections must never use them. */
    private static final List<String> INSTRUCTIONS = List.of("Use it", "Avoid", "Schedule", "Favour", "Send ",
            "DRAFT", "Review its");

    private static void assertNoInstruction(LearningReport report) {
        assertThat(report.insights()).allSatisfy(i -> {
            if (i.evidence() == Evidence.OBSERVATIONAL) {
                assertThat(i.sentence()).doesNotContain(INSTRUCTIONS).contains("Association, not a cause");
            }
        });
        assertThat(report.insights()).noneMatch(i -> i.evidence() == Evidence.RANDOMIZED);
    }

    @Test
    void aScriptOnlySentOnMondaysAtTenIsOneAssociationNotThreeInstructions() {
        EngineHistory h = new EngineHistory();
        Campaign campaign = h.campaign("Spring");
        Script trial = h.script(campaign, "Claim your free trial now. Reply today.");
        Script news = h.script(campaign, "Read our monthly newsletter. See you soon.");
        RetentionSequence trials = h.sequence(campaign, "Trial", Optional.of(trial));
        RetentionSequence letters = h.sequence(campaign, "Newsletter", Optional.of(news));
        List<String> monday = h.enroll(hour(10), trials, 100);
        h.sell(hour(11), monday.subList(0, 40));
        List<String> tuesday = h.enroll(hour(24 + 15), letters, 100);
        h.sell(hour(24 + 16), tuesday.subList(0, 5));

        LearningReport report = h.report(hour(96), Duration.ofDays(1));

        assertThat(report.heatmap().cell(DayOfWeek.MONDAY, 10).sends()).isEqualTo(new Proportion(40, 100));
        assertThat(report.heatmap().cell(DayOfWeek.TUESDAY, 15).sends()).isEqualTo(new Proportion(5, 100));
        assertThat(report.insights()).as("script, day and hour are one comparison").singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(InsightKind.TRAVELLED_TOGETHER);
            assertThat(i.groupCounts()).isEqualTo(new Proportion(40, 100));
            assertThat(i.sentence()).contains("“claim your free”", "“your free trial”", "sends on Monday", "sends at 10:00–10:59",
                    "“our monthly newsletter”", "sends on Tuesday", "sends at 15:00–15:59",
                    "the data cannot tell which of them");
        });
        assertNoInstruction(report);
        assertThat(report.suggestions()).allSatisfy(s -> assertThat(s.highestSlots())
                .allSatisfy(c -> assertThat(c.sends().trials()).isPositive()));
        assertThat(report.toText()).doesNotContain("Use it", "Schedule more", "Avoid", "DRAFT");
    }

    @Test
    void phrasesThatAreTheSplitOfARunningAbTestAreLeftToTheSequentialTest() {
        EngineHistory h = new EngineHistory();
        Campaign campaign = h.campaign("Spring");
        String testId = h.abTest(campaign, "Hi, your spring offer is here. Save 20 today.",
                "Hi, your spring offer is here. And save 20 for your first order.");
        RetentionSequence sequence = h.sequence(campaign, "Spring nurture", Optional.empty());
        List<String> leads = h.enroll(hour(10), sequence, 300);
        List<String> inA = h.inVariant(leads, "A");
        List<String> inB = h.inVariant(leads, "B");
        h.sell(hour(12), inA.subList(0, inA.size() / 10));
        h.sell(hour(12), inB.subList(0, inB.size() / 4));

        LearningReport report = h.report(hour(96), Duration.ofDays(1));

        ChannelPhrases email = report.words().get(0);
        assertThat(email.channel()).isEqualTo(Channel.EMAIL);
        assertThat(email.abTestMessages()).isEqualTo(300);
        assertThat(email.phrases().phrases()).isEmpty();
        assertThat(email.findings()).isEmpty();
        AbTestReport test = report.abTests().get(0);
        assertThat(test.testId()).isEqualTo(testId);
        VariantComparison comparison = test.comparisons().get(0);
        assertThat(comparison.estimate()).isPresent();
        assertThat(comparison.estimate().get().difference()).isPositive();
        assertThat(comparison.runningMinimumP()).as("the always-valid test does not call it yet").isGreaterThan(0.05);
        assertThat(comparison.significant()).isFalse();
        assertThat(comparison.trajectory()).hasSize(AbTestReporter.LOOKS + 1);
        assertThat(report.insights()).noneMatch(i -> i.kind() == InsightKind.PHRASE);
        assertNoInstruction(report);
        assertThat(report.toText()).doesNotContain("“and save", "“for your")
                .contains("not significant at alpha", "300 messages of A/B tests left out");
    }

    @Test
    void onlyARandomisedComparisonThatTheSequentialTestCallsEndsInAnInstruction() {
        EngineHistory h = new EngineHistory();
        Campaign campaign = h.campaign("Spring");
        h.abTest(campaign, "Hi, your spring offer is here.", "Hi, your spring offer is here. Half price today only.");
        RetentionSequence sequence = h.sequence(campaign, "Spring nurture", Optional.empty());
        List<String> leads = h.enroll(hour(10), sequence, 400);
        List<String> inA = h.inVariant(leads, "A");
        List<String> inB = h.inVariant(leads, "B");
        h.sell(hour(12), inA.subList(0, inA.size() / 20));
        h.sell(hour(12), inB.subList(0, inB.size() * 3 / 10));

        LearningReport report = h.report(hour(96), Duration.ofDays(1));

        VariantComparison comparison = report.abTests().get(0).comparisons().get(0);
        assertThat(comparison.significant()).isTrue();
        assertThat(comparison.runningMinimumP()).isLessThanOrEqualTo(comparison.alpha());
        assertThat(report.insights()).filteredOn(i -> i.evidence() == Evidence.RANDOMIZED).singleElement()
                .satisfies(i -> {
                    assertThat(i.kind()).isEqualTo(InsightKind.AB_TEST);
                    assertThat(i.confounders()).isEmpty();
                    assertThat(i.sentence()).contains("randomised", "running always-valid p").endsWith("Send B.");
                });
        assertThat(report.insights()).filteredOn(i -> i.evidence() == Evidence.OBSERVATIONAL)
                .allSatisfy(i -> assertThat(i.sentence()).doesNotContain(INSTRUCTIONS));
    }

    @Test
    void aSequenceThatDrivesOptOutsRanksByItsCumulativeIncidenceNotByKaplanMeier() {
        EngineHistory h = new EngineHistory();
        Campaign pushyCampaign = h.campaign("Pushy campaign");
        h.script(pushyCampaign, "Buy now. Last chance.");
        Campaign gentleCampaign = h.campaign("Gentle campaign");
        h.script(gentleCampaign, "Here is something you may like.");
        RetentionSequence pushy = h.sequence(pushyCampaign, "Pushy", Optional.empty());
        RetentionSequence gentle = h.sequence(gentleCampaign, "Gentle", Optional.empty());
        List<String> pushed = h.enroll(hour(10), pushy, 400);
        List<String> nudged = h.enroll(hour(10), gentle, 400);
        h.optOut(hour(12), pushed.subList(0, 160));
        h.sell(hour(15), pushed.subList(160, 280));
        h.sell(hour(15), nudged.subList(0, 160));

        LearningReport report = h.report(hour(96), Duration.ofDays(2));

        SequenceReport p = report.sequences().stream().filter(s -> s.name().equals("Pushy")).findFirst().orElseThrow();
        assertThat(p.optedOut()).isEqualTo(160);
        assertThat(p.timeToConversion().summary().convertedByHorizon()).as("Kaplan-Meier, opt-outs censored")
                .isCloseTo(0.5, within(1e-12));
        assertThat(p.timeToConversion().conversionIncidence()).as("opt-outs competing").isCloseTo(0.3, within(1e-12));
        assertThat(p.timeToConversion().optOutIncidence()).isCloseTo(0.4, within(1e-12));
        List<LeaderboardEntry> board = report.leaderboard();
        assertThat(board).extracting(LeaderboardEntry::name).containsExactly("Gentle", "Pushy");
        assertThat(board).extracting(LeaderboardEntry::rank).containsExactly(1, 2);
        assertThat(board).noneMatch(LeaderboardEntry::tied);
        assertThat(board.get(0).conversionIncidence()).isCloseTo(0.4, within(1e-12));
        assertThat(board.get(1).conversionIncidence()).isCloseTo(0.3, within(1e-12));
        assertThat(board.get(1).upperBound()).isLessThan(board.get(0).lowerBound());
        assertThat(report.toText()).contains("converted by 48h (cumulative incidence, opt-outs competing): 30.0%");
    }

    @Test
    void sendSlotsWhoseWindowIsStillOpenGetNoCredit() {
        EngineHistory h = new EngineHistory();
        Campaign campaign = h.campaign("Day");
        h.script(campaign, "Good day.");
        RetentionSequence sequence = h.sequence(campaign, "Day", Optional.empty());
        List<String> midnight = h.enroll(hour(0), sequence, 50);
        List<String> morning = h.enroll(hour(6), sequence, 50);
        h.sell(hour(7), midnight.subList(0, 10));
        List<String> noon = h.enroll(hour(12), sequence, 50);
        h.sell(hour(13), morning.subList(0, 10));
        List<String> evening = h.enroll(hour(18), sequence, 50);
        h.sell(hour(19), noon.subList(0, 10));

        LearningReport report = h.report(hour(20), Duration.ofHours(10));

        assertThat(report.heatmap().cell(DayOfWeek.MONDAY, 0).sends()).isEqualTo(new Proportion(10, 50));
        assertThat(report.heatmap().cell(DayOfWeek.MONDAY, 6).sends()).isEqualTo(new Proportion(10, 50));
        assertThat(report.heatmap().cell(DayOfWeek.MONDAY, 12).sends()).as("window open until 22:00, sales or not")
                .isEqualTo(new Proportion(0, 0));
        assertThat(report.heatmap().cell(DayOfWeek.MONDAY, 18).sends()).isEqualTo(new Proportion(0, 0));
        assertThat(report.suggestions().get(0).highestSlots()).as("the closed slots convert alike").isEmpty();
        assertThat(report.channels().get(0).sentAttempts()).isEqualTo(200);
        assertThat(report.channels().get(0).attempts()).isEqualTo(new Proportion(20, 100));
        assertThat(report.overview().countedLeads()).isEqualTo(new Proportion(20, 100));
        assertThat(report.overview().convertedLeads()).isEqualTo(30);
        assertThat(evening).hasSize(50);
        assertNoInstruction(report);
    }
}
