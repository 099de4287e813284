package io.retentioncenter.learning.report;

import static io.retentioncenter.learning.report.Facts.hour;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.learning.stats.Proportion;
import io.retentioncenter.learning.stats.WilsonInterval;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OverviewReportTest {
    private final Facts facts = new Facts();

    /**
     * L1: email h1 and SMS h2, sale h5 (100; the tracker credits the email, the last-touch rule the SMS). L2: opened email h1. L3: failed SMS
     * h1, email h3, sale h2 (50) before that email. L4: sale h4 (30), never contacted. L5: email h1 in c2.
     */
    @BeforeEach
    void facts() {
        facts.campaign("c1");
        facts.campaign("c2");
        for (int i = 1; i <= 5; i++) {
            facts.lead("L" + i, hour(0));
        }
        ContactAttempt l1Email = facts.send("L1", "c1", Channel.EMAIL, AttemptStatus.SENT, hour(1), "Free trial today");
        facts.send("L1", "c1", Channel.SMS, AttemptStatus.DELIVERED, hour(2), "Reply YES");
        facts.send("L2", "c1", Channel.EMAIL, AttemptStatus.OPENED, hour(1), "Free trial today");
        facts.send("L3", "c1", Channel.SMS, AttemptStatus.FAILED, hour(1), "Reply YES");
        facts.send("L3", "c1", Channel.EMAIL, AttemptStatus.SENT, hour(3), "Monthly news");
        facts.send("L5", "c2", Channel.EMAIL, AttemptStatus.SENT, hour(1), "Monthly news");
        facts.sale("L1", "c1", hour(5), 100, Optional.of(l1Email));
        facts.sale("L3", "c1", hour(2), 50, Optional.empty());
        facts.sale("L4", "c1", hour(4), 30, Optional.empty());
    }

    private LearningReport report(ReportQuery.Builder query) {
        return facts.reports(hour(24)).report(query.build());
    }

    /** A day, with a 6-hour window: every send's window has closed by the end. */
    private static ReportQuery.Builder day() {
        return ReportQuery.between(hour(0), hour(24)).attributionWindow(Duration.ofHours(6));
    }

    @Test
    void overviewCountsSalesOfTheRangeAndConversionOfContactedLeadsByTheAttributionRule() {
        LearningReport report = report(day());
        Overview o = report.overview();

        assertThat(o.leads()).isEqualTo(5);
        assertThat(o.contactedLeads()).isEqualTo(4);
        assertThat(o.sentAttempts()).isEqualTo(5);
        assertThat(o.conversions()).isEqualTo(3);
        assertThat(o.revenue()).isEqualByComparingTo("180");
        assertThat(o.convertedLeads()).isEqualTo(1);
        assertThat(o.countedLeads()).isEqualTo(new Proportion(1, 4));
        assertThat(o.conversionRate()).isEqualTo(0.25);
        assertThat(o.conversionInterval()).isEqualTo(WilsonInterval.of(new Proportion(1, 4)));
        RecordChecks.assertClean(report);
    }

    @Test
    void channelsCountAttemptsAndLeadsByTheLastTouchAndTheTrackersCreditApart() {
        LearningReport report = report(day());

        assertThat(report.channels()).extracting(ChannelStat::channel).containsExactly(Channel.EMAIL, Channel.SMS);
        ChannelStat email = report.channels().get(0);
        assertThat(email.sentAttempts()).isEqualTo(4);
        assertThat(email.attempts()).as("L1's sale goes to its last touch, the SMS").isEqualTo(new Proportion(0, 4));
        assertThat(email.leads()).isEqualTo(new Proportion(0, 4));
        assertThat(email.failedAttempts()).isZero();
        assertThat(email.creditedConversions()).isEqualTo(1);
        assertThat(email.creditedRevenue()).isEqualByComparingTo("100");
        ChannelStat sms = report.channels().get(1);
        assertThat(sms.attempts()).isEqualTo(new Proportion(1, 1));
        assertThat(sms.leads()).isEqualTo(new Proportion(1, 1));
        assertThat(sms.leadConversionRate()).isEqualTo(1.0);
        assertThat(sms.leadInterval().upper()).isEqualTo(1.0);
        assertThat(sms.failedAttempts()).isEqualTo(1);
        assertThat(sms.creditedConversions()).isZero();
    }

    @Test
    void funnelStagesAreNestedWithSharesAndAttributedRevenue() {
        LeadFunnel funnel = report(day()).funnel();

        assertThat(funnel.stages()).extracting(FunnelStage::stage, FunnelStage::leads).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LeadStage.LEADS, 5L),
                org.assertj.core.groups.Tuple.tuple(LeadStage.CONTACTED, 4L),
                org.assertj.core.groups.Tuple.tuple(LeadStage.RESPONDED, 2L),
                org.assertj.core.groups.Tuple.tuple(LeadStage.CONVERTED, 1L));
        assertThat(funnel.stages()).extracting(FunnelStage::shareOfFirst).containsExactly(1.0, 0.8, 0.4, 0.2);
        assertThat(funnel.stages()).extracting(FunnelStage::shareOfPrevious).containsExactly(1.0, 0.8, 0.5, 0.5);
        assertThat(funnel.revenue()).isEqualByComparingTo("100");
    }

    @Test
    void campaignsAreAggregatedSeparately() {
        LearningReport report = report(day());

        assertThat(report.campaigns()).extracting(CampaignSummary::campaignId).containsExactly("c1", "c2");
        CampaignSummary c1 = report.campaigns().get(0);
        assertThat(c1.name()).isEqualTo("Campaign c1");
        assertThat(c1.leads()).isEqualTo(new Proportion(1, 3));
        assertThat(c1.sentAttempts()).isEqualTo(4);
        assertThat(c1.conversions()).isEqualTo(3);
        assertThat(c1.revenue()).isEqualByComparingTo("180");
        CampaignSummary c2 = report.campaigns().get(1);
        assertThat(c2.leads()).isEqualTo(new Proportion(0, 1));
        assertThat(c2.conversionRate()).isZero();
        assertThat(c2.interval().lower()).isZero();
        assertThat(c2.revenue()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void attributionWindowLimitsHowLateASaleStillCountsAndIsInclusive() {
        LearningReport threeHours = report(day().attributionWindow(Duration.ofHours(3)));
        assertThat(threeHours.channels().get(0).attempts()).isEqualTo(new Proportion(0, 4));
        assertThat(threeHours.channels().get(1).attempts()).isEqualTo(new Proportion(1, 1));
        assertThat(threeHours.overview().convertedLeads()).isEqualTo(1);
        assertThat(threeHours.attribution().window()).isEqualTo(Duration.ofHours(3));
        assertThat(threeHours.attribution().rule()).contains("Last touch within 3h");

        LearningReport twoHours = report(day().attributionWindow(Duration.ofHours(2)));
        assertThat(twoHours.overview().convertedLeads()).isZero();
        assertThat(twoHours.funnel().revenue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(twoHours.overview().conversions()).as("sales still count in the overview").isEqualTo(3);

        LearningReport fourHours = report(day().attributionWindow(Duration.ofHours(4)));
        assertThat(fourHours.channels().get(0).attempts()).isEqualTo(new Proportion(0, 4));
        assertThat(fourHours.channels().get(1).attempts()).isEqualTo(new Proportion(1, 1));
    }

    @Test
    void attemptsWhoseWindowIsStillOpenAreNotCountedAsFailures() {
        LearningReport report = report(ReportQuery.between(hour(0), hour(24)));

        assertThat(report.attribution().window()).isEqualTo(ReportQuery.DEFAULT_ATTRIBUTION_WINDOW);
        assertThat(report.channels().get(0).sentAttempts()).isEqualTo(4);
        assertThat(report.channels().get(0).attempts()).as("every email's 7-day window is open")
                .isEqualTo(new Proportion(0, 0));
        assertThat(report.channels().get(1).attempts()).as("a credited touch inside its window is not counted "
                + "either: counting only the credited ones would bias the rate upward").isEqualTo(new Proportion(0, 0));
        assertThat(report.overview().countedLeads()).as("no window has closed").isEqualTo(new Proportion(0, 0));
        assertThat(report.overview().convertedLeads()).isEqualTo(1);
        assertThat(report.overview().contactedLeads()).isEqualTo(4);
        assertThat(report.heatmap().sends()).isZero();
        assertThat(report.funnel().leads(LeadStage.CONVERTED)).as("the funnel still counts the converted lead")
                .isEqualTo(1);
    }

    @Test
    void campaignScopeKeepsOnlyThatCampaignsFacts() {
        LearningReport report = report(day().scope(ReportScope.campaign("c1")));

        assertThat(report.overview().leads()).isEqualTo(3);
        assertThat(report.overview().contactedLeads()).isEqualTo(3);
        assertThat(report.overview().sentAttempts()).isEqualTo(4);
        assertThat(report.overview().conversions()).isEqualTo(3);
        assertThat(report.campaigns()).extracting(CampaignSummary::campaignId).containsExactly("c1");
    }

    @Test
    void channelScopeKeepsThatChannelsAttemptsAndCreditedSales() {
        LearningReport report = report(day().scope(ReportScope.channel(Channel.SMS)));

        assertThat(report.overview().leads()).isEqualTo(2);
        assertThat(report.overview().contactedLeads()).isEqualTo(1);
        assertThat(report.overview().convertedLeads()).isEqualTo(1);
        assertThat(report.overview().conversions()).as("no sale was credited to SMS").isZero();
        assertThat(report.channels()).extracting(ChannelStat::channel).containsExactly(Channel.SMS);
        assertThat(report.operations().dispatchedAttempts()).isEqualTo(2);
        assertThat(report.operations().failedAttempts()).isEqualTo(1);
        assertThat(report.operations().failedAttemptRate()).isEqualTo(0.5);
    }

    @Test
    void factsOutsideTheRangeAreNotRead() {
        LearningReport later = facts.reports(hour(48)).report(ReportQuery.between(hour(24), hour(48)).build());

        assertThat(later.overview().leads()).isZero();
        assertThat(later.overview().sentAttempts()).isZero();
        assertThat(later.overview().conversions()).isZero();
        assertThat(later.scan().attempts()).isZero();
        assertThat(later.scan().leads()).as("leads are read up to the end for their time zones").isEqualTo(5);
    }

    @Test
    void observationEndsAtTheEarlierOfNowAndTheRangeEnd() {
        LearningReport report = facts.reports(hour(10)).report(day().build());

        assertThat(report.observedUntil()).isEqualTo(hour(10));
        assertThat(report.generatedAt()).isEqualTo(hour(10));
        assertThat(report.operations().stepsProcessedPerHour()).isZero();
    }

    @Test
    void unknownScopeTargetsAreNotFound() {
        LearningReports reports = facts.reports(hour(24));
        assertThatThrownBy(() -> reports.report(day().scope(ReportScope.campaign("nope")).build()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("campaign").hasMessageContaining("nope");
        assertThatThrownBy(() -> reports.report(day().scope(ReportScope.sequence("nope")).build()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("sequence");
    }
}
