package io.retentioncenter.learning.report;

import static io.retentioncenter.learning.report.Facts.hour;
import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.learning.heatmap.HeatmapCell;
import io.retentioncenter.learning.phrase.PhraseStat;
import io.retentioncenter.learning.stats.Proportion;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * 100 leads get "Free trial inside. Claim it now" by email on Monday 01:00 and 40 buy; 100 get
 * "Monthly newsletter. Read more" on Monday 05:00 and 5 buy; 100 get the same SMS on Tuesday 10:00
 * and 10 buy.
 */
class InsightsAndSuggestionsTest {

    private static LearningReport report(Facts facts) {
        return facts.reports(hour(48)).report(ReportQuery.between(hour(0), hour(48)).build());
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

    private static LearningReport strongSignals() {
        Facts facts = new Facts();
        facts.campaign("c");
        cohort(facts, "trial", Channel.EMAIL, 1, "Free trial inside. Claim it now", 100, 40);
        cohort(facts, "news", Channel.EMAIL, 5, "Monthly newsletter. Read more", 100, 5);
        cohort(facts, "text", Channel.SMS, 34, "Reply YES for your offer", 100, 10);
        return report(facts);
    }

    private static List<Insight> of(LearningReport report, InsightKind kind) {
        return report.insights().stream().filter(i -> i.kind() == kind).toList();
    }

    @Test
    void channelInsightStatesBothRatesTheLiftAndTheQValue() {
        List<Insight> channels = of(strongSignals(), InsightKind.CHANNEL);

        assertThat(channels).hasSize(1);
        Insight insight = channels.get(0);
        assertThat(insight.groupCounts()).isEqualTo(new Proportion(45, 200));
        assertThat(insight.baselineCounts()).isEqualTo(new Proportion(10, 100));
        assertThat(insight.lift()).hasValue(2.25);
        assertThat(insight.qValue()).isLessThanOrEqualTo(0.05).isEqualTo(insight.pValue());
        assertThat(insight.sentence()).contains("EMAIL converts 22.5% (45/200)", "10.0% (10/100) on SMS", "2.25×");
    }

    @Test
    void phraseInsightsPreferLongerPhrasesWithoutOverlapAndSayWhatToDo() {
        List<Insight> phrases = of(strongSignals(), InsightKind.PHRASE);

        assertThat(phrases).extracting(Insight::group).containsExactly("EMAIL messages with “claim it now”",
                "EMAIL messages with “free trial inside”", "EMAIL messages with “monthly newsletter”");
        Insight best = phrases.get(0);
        assertThat(best.groupCounts()).isEqualTo(new Proportion(40, 100));
        assertThat(best.baselineCounts()).isEqualTo(new Proportion(5, 100));
        assertThat(best.lift()).hasValue(8.0);
        assertThat(best.qValue()).isLessThan(0.001);
        assertThat(best.sentence()).startsWith("EMAIL messages with “claim it now” convert 40.0% (40/100) vs 5.0% (5/100)")
                .endsWith("Use it more.");
        assertThat(phrases.get(2).sentence()).endsWith("Avoid it.");
    }

    @Test
    void timeInsightsCompareHoursAndDaysOfLocalTime() {
        LearningReport report = strongSignals();
        List<Insight> hours = of(report, InsightKind.TIME_OF_DAY);
        List<Insight> days = of(report, InsightKind.DAY_OF_WEEK);

        assertThat(hours).hasSize(3);
        assertThat(hours).extracting(Insight::group).contains("sends at 01:00–01:59", "sends at 05:00–05:59",
                "sends at 10:00–10:59");
        Insight one = hours.stream().filter(i -> i.group().equals("sends at 01:00–01:59")).findFirst().orElseThrow();
        assertThat(one.groupCounts()).isEqualTo(new Proportion(40, 100));
        assertThat(one.baselineCounts()).isEqualTo(new Proportion(15, 200));
        assertThat(one.sentence()).contains("(lead's local time)").endsWith("Schedule more sends then.");
        assertThat(days).extracting(Insight::group).containsExactlyInAnyOrder("sends on Monday", "sends on Tuesday");
        assertThat(days).allSatisfy(i -> assertThat(i.qValue()).isLessThanOrEqualTo(0.05));
    }

    @Test
    void insightsAreOrderedByFamily() {
        assertThat(strongSignals().insights()).extracting(Insight::kind).containsExactly(InsightKind.CHANNEL,
                InsightKind.PHRASE, InsightKind.PHRASE, InsightKind.PHRASE, InsightKind.TIME_OF_DAY,
                InsightKind.TIME_OF_DAY, InsightKind.TIME_OF_DAY, InsightKind.DAY_OF_WEEK, InsightKind.DAY_OF_WEEK);
    }

    @Test
    void suggestionsListSignificantPhrasesBestSlotsAndADraft() {
        LearningReport report = strongSignals();
        ChannelSuggestions email = report.suggestions().get(0);

        assertThat(email.channel()).isEqualTo(Channel.EMAIL);
        assertThat(email.include()).hasSize(10).allSatisfy(p -> {
            assertThat(p.qValue()).isLessThanOrEqualTo(0.05);
            assertThat(p.rateWith()).isGreaterThan(p.rateWithout());
        });
        assertThat(email.avoid()).extracting(PhraseStat::phrase).contains("monthly newsletter", "read more");
        assertThat(email.avoid()).allSatisfy(p -> assertThat(p.rateWith()).isLessThan(p.rateWithout()));
        assertThat(email.bestSendTimes()).extracting(HeatmapCell::day, HeatmapCell::hour)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DayOfWeek.MONDAY, 1));
        ScriptDraft draft = email.draft().orElseThrow();
        assertThat(draft.subject()).contains("Free trial inside");
        assertThat(draft.body()).isEqualTo("Hi {{firstName|there}},\nFree trial inside.\nClaim it now.");
        assertThat(draft.phrases()).containsExactly("free trial inside", "claim it now");
        assertThat(draft.notice()).startsWith("DRAFT");

        ChannelSuggestions sms = report.suggestions().get(1);
        assertThat(sms.channel()).isEqualTo(Channel.SMS);
        assertThat(sms.include()).isEmpty();
        assertThat(sms.avoid()).isEmpty();
        assertThat(sms.bestSendTimes()).as("one slot, at the overall rate").isEmpty();
        assertThat(sms.draft()).isEmpty();
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
            assertThat(s.include()).isEmpty();
            assertThat(s.avoid()).isEmpty();
            assertThat(s.draft()).isEmpty();
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
