package io.retentioncenter.learning.report;

import static io.retentioncenter.learning.report.Facts.hour;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.memory.InMemoryRetentionStore;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportQueryTest {

    @Test
    void defaultsToTheGlobalScopeAndDocumentedOptions() {
        ReportQuery query = ReportQuery.between(hour(0), hour(1)).build();

        assertThat(query.scope()).isEqualTo(ReportScope.global());
        assertThat(query.minSupport()).isEqualTo(20);
        assertThat(query.shrinkage()).isEqualTo(20.0);
        assertThat(query.attributionWindow()).isEqualTo(Duration.ofDays(7));
        assertThat(query.significance()).isEqualTo(0.05);
        assertThat(query.attributionWindowMillis()).isEqualTo(7 * 24 * 3_600_000L);
    }

    @Test
    void rejectsBadQueriesNamingTheField() {
        assertThatThrownBy(() -> ReportQuery.between(hour(1), hour(1)).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("to");
        assertThatThrownBy(() -> ReportQuery.between(null, hour(1)).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("from");
        assertThatThrownBy(() -> ReportQuery.between(hour(0), hour(1)).minSupport(0).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("minSupport");
        assertThatThrownBy(() -> ReportQuery.between(hour(0), hour(1)).shrinkage(Double.NaN).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("shrinkage");
        assertThatThrownBy(() -> ReportQuery.between(hour(0), hour(1)).attributionWindow(Duration.ZERO).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("attributionWindow");
        assertThatThrownBy(() -> ReportQuery.between(hour(0), hour(1)).attributionWindow(null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("attributionWindow");
        assertThatThrownBy(() -> ReportQuery.between(hour(0), hour(1)).significance(1.0).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("significance");
        assertThatThrownBy(() -> ReportQuery.between(hour(0), hour(1)).scope(null).build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("scope");
    }

    @Test
    void scopesCarryExactlyTheirTarget() {
        assertThat(ReportScope.campaign("c").label()).isEqualTo("campaign c");
        assertThat(ReportScope.sequence("s").sequenceId()).contains("s");
        assertThat(ReportScope.channel(Channel.SMS).label()).isEqualTo("channel SMS");
        assertThat(ReportScope.global().label()).isEqualTo("all campaigns");
        assertThatThrownBy(() -> ReportScope.campaign(" "))
                .isInstanceOf(ValidationException.class).hasMessageContaining("scope.campaignId");
        assertThatThrownBy(() -> ReportScope.channel(null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("scope.channel");
        assertThatThrownBy(() -> new ReportScope(ScopeKind.CAMPAIGN, Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("scope.campaignId");
        assertThatThrownBy(() -> new ReportScope(ScopeKind.GLOBAL, Optional.of("c"), Optional.empty(), Optional.empty()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("must be empty");
    }

    @Test
    void reportsNeedAStoreAndSaneExperimentSettings() {
        assertThatThrownBy(() -> LearningReports.builder().build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("store");
        InMemoryRetentionStore store = new InMemoryRetentionStore();
        assertThatThrownBy(() -> LearningReports.builder().store(store).clock(null).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("clock");
        assertThatThrownBy(() -> LearningReports.builder().store(store).abTestAlpha(0).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("abTestAlpha");
        assertThatThrownBy(() -> LearningReports.builder().store(store).abTestExpectedSample(0).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("abTestExpectedSample");
        assertThatThrownBy(() -> LearningReports.builder().store(store).build().report(null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("query");
    }
}
