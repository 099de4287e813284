package io.retentioncenter.learning.report;

import static io.retentioncenter.learning.report.Facts.hour;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.AbTestStatus;
import io.retentioncenter.core.experiment.Variant;
import io.retentioncenter.learning.stats.Proportion;
import io.retentioncenter.learning.stats.SequentialEstimate;
import io.retentioncenter.learning.stats.WilsonInterval;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AbTestReportTest {
    private final Facts facts = new Facts();

    private void test(String id, Channel channel, String... variants) {
        List<Variant> arms = java.util.Arrays.stream(variants).map(v -> new Variant(v, "script-" + v, 1)).toList();
        facts.store.saveAbTest(new AbTest(id, "c", channel, arms, AbTestStatus.RUNNING, Optional.empty(), Facts.T0,
                Optional.empty()));
    }

    /** {@code exposed} new leads get variant {@code variant}; the first {@code converted} of them buy. */
    private void arm(String testId, String variant, Channel channel, int exposed, int converted) {
        for (int i = 0; i < exposed; i++) {
            String lead = testId + variant + i;
            facts.lead(lead, hour(0));
            ContactAttempt attempt = facts.sendInTest(lead, "c", channel, testId, variant, hour(1));
            if (i < converted) {
                facts.sale(lead, "c", hour(2), 10, Optional.of(attempt));
            }
        }
    }

    private List<AbTestReport> report(ReportScope scope) {
        return facts.reports(hour(24)).report(ReportQuery.between(hour(0), hour(24)).scope(scope).build()).abTests();
    }

    @Test
    void comparesVariantsWithTheAlwaysValidTestReferenceValues() {
        facts.campaign("c");
        test("t", Channel.EMAIL, "A", "B");
        arm("t", "A", Channel.EMAIL, 1000, 120);
        arm("t", "B", Channel.EMAIL, 1000, 150);

        AbTestReport t = report(ReportScope.global()).get(0);

        assertThat(t.testId()).isEqualTo("t");
        assertThat(t.status()).isEqualTo(AbTestStatus.RUNNING);
        assertThat(t.variants()).extracting(VariantStat::leads)
                .containsExactly(new Proportion(120, 1000), new Proportion(150, 1000));
        assertThat(t.variants().get(0).rate()).isEqualTo(0.12);
        assertThat(t.variants().get(0).interval()).isEqualTo(WilsonInterval.of(new Proportion(120, 1000)));
        assertThat(t.variants().get(1).scriptId()).contains("script-B");
        assertThat(t.variants().get(1).arm()).isEqualTo("script-B");
        assertThat(t.kind()).isEqualTo(io.retentioncenter.core.experiment.TestKind.SCRIPT);
        assertThat(t.step()).isEmpty();
        VariantComparison b = t.comparisons().get(0);
        assertThat(b.variant()).isEqualTo("B");
        assertThat(b.control()).isEqualTo("A");
        assertThat(b.alpha()).isEqualTo(0.05);
        SequentialEstimate e = b.estimate().orElseThrow();
        assertThat(e.r()).isCloseTo(3.174462, within(1e-6));
        assertThat(e.pValue()).isCloseTo(0.470691, within(1e-6));
        assertThat(e.lower()).isCloseTo(-0.017693, within(1e-6));
        assertThat(e.upper()).isCloseTo(0.077693, within(1e-6));
        assertThat(b.significant()).isFalse();
        assertThat(t.sampleRatio().chiSquare()).isZero();
        assertThat(t.sampleRatio().mismatch()).isFalse();
    }

    @Test
    void anEmptyArmIsNotEvaluatedAndFlagsASampleRatioMismatch() {
        facts.campaign("c");
        test("t", Channel.EMAIL, "A", "B");
        arm("t", "A", Channel.EMAIL, 50, 5);

        AbTestReport t = report(ReportScope.global()).get(0);

        assertThat(t.variants().get(1).leads()).isEqualTo(new Proportion(0, 0));
        assertThat(t.variants().get(1).rate()).isZero();
        assertThat(t.variants().get(1).interval().upper()).isEqualTo(1.0);
        assertThat(t.comparisons().get(0).estimate()).isEmpty();
        assertThat(t.comparisons().get(0).significant()).isFalse();
        assertThat(t.sampleRatio().chiSquare()).isEqualTo(50.0);
        assertThat(t.sampleRatio().mismatch()).isTrue();
        RecordChecks.assertClean(t);
    }

    @Test
    void armsWithoutBothOutcomesAreNotEvaluatedAndAlphaIsSplitOverComparisons() {
        facts.campaign("c");
        test("t", Channel.SMS, "A", "B", "C");
        arm("t", "A", Channel.SMS, 10, 10);
        arm("t", "B", Channel.SMS, 10, 0);
        arm("t", "C", Channel.SMS, 10, 5);

        AbTestReport t = report(ReportScope.global()).get(0);

        assertThat(t.comparisons()).extracting(VariantComparison::variant).containsExactly("B", "C");
        assertThat(t.comparisons()).allSatisfy(c -> {
            assertThat(c.alpha()).isEqualTo(0.025);
            assertThat(c.estimate()).as("control A has no non-conversion").isEmpty();
        });
        assertThat(t.variants().get(0).interval().upper()).isEqualTo(1.0);
        assertThat(t.variants().get(1).interval().lower()).isZero();
    }

    @Test
    void testsFollowTheScope() {
        facts.campaign("c");
        facts.campaign("other");
        test("t", Channel.EMAIL, "A", "B");

        assertThat(report(ReportScope.campaign("c"))).extracting(AbTestReport::testId).containsExactly("t");
        assertThat(report(ReportScope.campaign("other"))).isEmpty();
        assertThat(report(ReportScope.channel(Channel.EMAIL))).hasSize(1);
        assertThat(report(ReportScope.channel(Channel.SMS))).isEmpty();
    }
}
