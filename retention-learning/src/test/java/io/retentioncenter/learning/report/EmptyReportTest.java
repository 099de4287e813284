package io.retentioncenter.learning.report;

import static io.retentioncenter.learning.report.Facts.hour;
import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.learning.stats.Proportion;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class EmptyReportTest {

    @Test
    void anEmptyStoreGivesZerosAndEmptySectionsWithoutNaN() {
        Facts facts = new Facts();
        LearningReport report = facts.reports(hour(24)).report(ReportQuery.between(hour(0), hour(24)).build());

        Overview o = report.overview();
        assertThat(o.leads()).isZero();
        assertThat(o.conversions()).isZero();
        assertThat(o.revenue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(o.conversionRate()).isZero();
        assertThat(o.conversionInterval().lower()).isZero();
        assertThat(o.conversionInterval().upper()).isEqualTo(1.0);
        assertThat(o.countedLeads()).isEqualTo(new Proportion(0, 0));
        assertThat(report.channels()).isEmpty();
        assertThat(report.words()).isEmpty();
        assertThat(report.insights()).isEmpty();
        assertThat(report.funnel().stages()).allSatisfy(s -> {
            assertThat(s.leads()).isZero();
            assertThat(s.shareOfFirst()).isZero();
        });
        assertThat(report.heatmap().sends()).isZero();
        assertThat(report.heatmap().cells()).hasSize(168).allSatisfy(c -> assertThat(c.sends()).isEqualTo(new Proportion(0, 0)));
        assertThat(report.abTests()).isEmpty();
        assertThat(report.sequences()).isEmpty();
        assertThat(report.leaderboard()).isEmpty();
        assertThat(report.campaigns()).isEmpty();
        assertThat(report.suggestions()).isEmpty();
        assertThat(report.operations().failedAttemptRate()).isZero();
        RecordChecks.assertClean(report);
        assertThat(report.toText()).contains("OVERVIEW", "no statistically supported finding yet", "HEATMAP");
    }
}
