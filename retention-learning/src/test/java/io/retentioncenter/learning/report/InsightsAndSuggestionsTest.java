package io.retentioncenter.learning.report;

import static io.retentioncenter.learning.report.Facts.hour;
import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.learning.stats.Proportion;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * 100 leads get "Free trial inside. Claim it now" by email on Monday 01:00 and 40 buy; 100 get
 * "Monthly newsletter. Read more" by email (Monday 01:00, or 05:00 when the script and the hour are
 * confounded) and 5 buy; 100 get the same SMS on Tuesday 10:00 and 10 buy. Every sale comes an hour
 * after the send, inside a 6-hour window that has closed by the end of the report.
 */
class InsightsAndSuggestionsTest {

    private static LearningReport report(Facts facts) {
        return facts.reports(hour(48)).report(ReportQuery.between(hour(0), hour(48))
                .attributionWindow(Duration.ofHours(6)).build());
    }

    private static void cohort(Facts facts, String prefix, Channel channel, double sentAt, String body, int size,
            int buyers) {
        for (int i = 0; i < size; i++) {
            String lead = prefix + i;
            facts.lead(lead, hour(0));
            ContactAttempt attempt = facts.send(lead, "c", channel, AttemptStatus.SENT, hour(sentAt), body);
            if (i < buyers) {
                facts.sale(lead, "c", hour(sentAt + 1), 10, Optional.of(attempt));
            }
        }
    }

    private static LearningReport signals(double newsletterHour) {
        Facts facts = new Facts();
        facts.campaign("c");
        cohort(facts, "trial", Channel.EMAIL, 1, "Free trial inside. Claim it now", 100, 40);
        cohort(facts, "news", Channel.EMAIL, newsletterHour, "Monthly newsletter. Read more", 100, 5);
        cohort(facts, "text", Channel.SMS, 34, "Reply YES for your offer", 100, 10);
        return report(facts);
    }

    private static LearningReport strongSignals() {
        return signals(1);
    }

    private static List<Insight> of(LearningReport report, InsightKind kind) {
        return report.insights().stream().filter(i -> i.kind() == kind).toList();
    }

    @Test
    void channelInsightIsAnAssociationWithBothRatesTheLiftAndTheQValue() {
        List<Insight> channels = of(strongSignals(), InsightKind.CHANNEL);

        assertThat(channels).hasSize(1);
        Insight insight = channels.get(0);
        assertThat(insight.evidence()).isEqualTo(Evidence.OBSERVATIONAL);
        assertThat(insight.groupCounts()).isEqualTo(new Proportion(45, 200));
        assertThat(insight.baselineCounts()).isEqualTo(new Proportion(10, 100));
        assertThat(insight.lift()).hasValue(2.25);
        assertThat(insight.qValue()).isLessThanOrEqualTo(0.05).isEqualTo(insight.pValue());
        assertThat(insight.sentence()).contains("EMAIL converted 22.5% (45/200)", "10.0% (10/100) on SMS", "2.25×",
                "Association, not a cause");
        assertThat(insight.confounders()).contains("which leads have which channel");
    }

    @Test
    void phraseFindingsCollapseIdenticalPhrasesAndMirrorsAndNeverInstruct() {
        List<Insight> phrases = of(strongSignals(), InsightKind.PHRASE);

        assertThat(phrases).as("the two scripts are one comparison seen from both sides").hasSize(1);
        Insight best = phrases.get(0);
        assertThat(best.group()).startsWith("EMAIL messages with “claim it now” (the same messages carry ")
                .endsWith(" more)");
        assertThat(best.groupCounts()).isEqualTo(new Proportion(40, 100));
        assertThat(best.baselineCounts()).isEqualTo(new Proportion(5, 100));
        assertThat(best.lift()).hasValue(8.0);
        assertThat(best.qValue()).isLessThan(0.001);
        assertThat(best.sentence()).startsWith("EMAIL messages with “claim it now”")
                .contains("always together", "40.0% (40/100) vs 5.0% (5/100)", "“free trial inside”",
                        "other side of the same comparison: EMAIL messages with “monthly newsletter”",
                        "Association, not a cause")
                .doesNotContain("Use it", "Avoid", "Schedule");
    }

    @Test
    void sendTimesAreComparedWithinCampaignChannelAndStep() {
        LearningReport report = strongSignals();

        assertThat(of(report, InsightKind.TIME_OF_DAY)).as("every email went at 01:00, every SMS at 10:00").isEmpty();
        assertThat(of(report, InsightKind.DAY_OF_WEEK)).as("Monday carries only email, Tuesday only SMS").isEmpty();
        assertThat(report.heatmap().cell(DayOfWeek.MONDAY, 1).sends()).isEqualTo(new Proportion(45, 200));
    }

    @Test
    void aScriptAlwaysSentAtOneHourIsOneFindingNotAnInstructionPerFactor() {
        LearningReport report = signals(5);

        List<Insight> together = of(report, InsightKind.TRAVELLED_TOGETHER);
        assertThat(together).hasSize(1);
        Insight one = together.get(0);
        assertThat(one.group()).contains("“claim it now”", "sends at 01:00–01:59");
        assertThat(one.groupCounts()).isEqualTo(new Proportion(40, 100));
        assertThat(one.sentence()).contains("other side of the same comparison", "“monthly newsletter”",
                "sends at 05:00–05:59", "the data cannot tell which of them");
        assertThat(of(report, InsightKind.PHRASE)).isEmpty();
        assertThat(of(report, InsightKind.TIME_OF_DAY)).isEmpty();
        assertThat(of(report, InsightKind.DAY_OF_WEEK)).isEmpty();
        assertThat(report.insights()).allSatisfy(i -> {
            assertThat(i.evidence()).isEqualTo(Evidence.OBSERVATIONAL);
            assertThat(i.sentence()).doesNotContain("Use it", "Avoid", "Schedule", "Favour");
        });
    }

    @Test
    void suggestionsListSignificantFindingsAndSlotsWithCountsButNoDraft() {
        LearningReport report = strongSignals();
        ChannelSuggestions email = report.suggestions().get(0);

        assertThat(email.channel()).isEqualTo(Channel.EMAIL);
        assertThat(email.higher()).extracting(f -> f.phrase().phrase()).containsExactly("claim it now");
        assertThat(email.lower()).extracting(f -> f.phrase().phrase()).containsExactly("monthly newsletter");
        assertThat(email.lower().get(0).samePhrases()).contains("read more", "read more (closing)", "newsletter");
        assertThat(email.highestSlots()).as("one slot, at the channel's overall rate").isEmpty();
        assertThat(report.toText()).contains("CANDIDATES FOR A/B TESTS").doesNotContain("DRAFT");

        ChannelSuggestions sms = report.suggestions().get(1);
        assertThat(sms.channel()).isEqualTo(Channel.SMS);
        assertThat(sms.higher()).isEmpty();
        assertThat(sms.lower()).isEmpty();
    }

    @Test
    void weakDifferencesYieldNoInsightAndNoSuggestion() {
        Facts facts = new Facts();
        facts.campaign("c");
        cohort(facts, "a", Channel.EMAIL, 1, "Free trial inside", 100, 11);
        cohort(facts, "b", Channel.EMAIL, 1, "Monthly newsletter", 100, 10);
        cohort(facts, "c", Channel.SMS, 1, "Reply YES", 100, 10);

        LearningReport report = report(facts);

        assertThat(report.insights()).isEmpty();
        assertThat(report.suggestions()).allSatisfy(s -> {
            assertThat(s.higher()).isEmpty();
            assertThat(s.lower()).isEmpty();
        });
        assertThat(report.words().get(0).phrases().phrases()).isNotEmpty();
    }

    @Test
    void groupsBelowTheMinimumSupportAreNotTested() {
        Facts facts = new Facts();
        facts.campaign("c");
        cohort(facts, "trial", Channel.EMAIL, 1, "Free trial inside", 15, 12);
        cohort(facts, "news", Channel.EMAIL, 5, "Monthly newsletter", 15, 0);

        LearningReport report = report(facts);

        assertThat(report.words().get(0).phrases().phrases()).as("no phrase reaches 20 messages").isEmpty();
        assertThat(of(report, InsightKind.TIME_OF_DAY)).as("no hour reaches 20 sends").isEmpty();
    }
}
