package io.retentioncenter.learning.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.AbTestStatus;
import io.retentioncenter.core.experiment.ArmCounts;
import io.retentioncenter.core.experiment.Variant;
import io.retentioncenter.core.experiment.Verdict;
import io.retentioncenter.core.experiment.Verdict.Decision;
import io.retentioncenter.learning.stats.AlwaysValidTest;
import io.retentioncenter.learning.stats.Proportion;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SequentialExperimentJudgeTest {

    static AbTest test(String id, String... variants) {
        List<Variant> arms = Arrays.stream(variants).map(name -> new Variant(name, "script-" + name, 1)).toList();
        return new AbTest(id, "campaign-1", Channel.SMS, arms, AbTestStatus.RUNNING, Optional.empty(),
                Instant.parse("2025-01-01T00:00:00Z"), Optional.empty());
    }

    @Test
    void continuesOnTheReferenceCountsAndStatesTheNumbers() {
        Verdict verdict = new SequentialExperimentJudge().judge(test("t1", "A", "B"),
                Map.of("A", new ArmCounts(1000, 120), "B", new ArmCounts(1000, 150)));

        assertThat(verdict.decision()).isEqualTo(Decision.CONTINUE);
        assertThat(verdict.winner()).isEmpty();
        assertThat(verdict.explanation())
                .contains("B vs A: 150/1000 (15.00%) vs 120/1000 (12.00%)")
                .contains("difference +3.00 pp")
                .contains("always-valid p 0.4707")
                .contains("[-1.77, +7.77] pp")
                .contains("Exposure 2000 of maximum 10000")
                .doesNotContain("MISMATCH");
    }

    @Test
    void declaresTheBetterVariantTheWinner() {
        Verdict verdict = new SequentialExperimentJudge().judge(test("t1", "A", "B"),
                Map.of("A", new ArmCounts(1000, 100), "B", new ArmCounts(1000, 200)));

        assertThat(verdict.decision()).isEqualTo(Decision.WINNER);
        assertThat(verdict.winner()).hasValue("B");
        assertThat(verdict.explanation()).startsWith("B wins");
    }

    @Test
    void declaresTheControlTheWinnerWhenItIsBetter() {
        Verdict verdict = new SequentialExperimentJudge().judge(test("t1", "A", "B"),
                Map.of("A", new ArmCounts(1000, 200), "B", new ArmCounts(1000, 100)));

        assertThat(verdict.winner()).hasValue("A");
    }

    @Test
    void stopsWithoutAWinnerAtTheMaximumSample() {
        SequentialExperimentJudge judge = SequentialExperimentJudge.builder().maxSample(4000).build();

        Verdict verdict = judge.judge(test("t1", "A", "B"),
                Map.of("A", new ArmCounts(2000, 240), "B", new ArmCounts(2000, 250)));

        assertThat(verdict.decision()).isEqualTo(Decision.NO_WINNER);
        assertThat(verdict.explanation()).contains("maximum sample reached").contains("Exposure 4000 of maximum 4000");
    }

    @Test
    void waitsWhileAnArmIsEmptyOrHasNoConversion() {
        SequentialExperimentJudge judge = new SequentialExperimentJudge();

        Verdict oneArm = judge.judge(test("t1", "A", "B"), Map.of("A", new ArmCounts(40, 3)));
        Verdict noConversion = judge.judge(test("t2", "A", "B"),
                Map.of("A", new ArmCounts(40, 3), "B", new ArmCounts(40, 0)));

        assertThat(oneArm.decision()).isEqualTo(Decision.CONTINUE);
        assertThat(oneArm.explanation()).contains("B vs A: 0/0 (0.00%)").contains("not evaluated");
        assertThat(noConversion.decision()).isEqualTo(Decision.CONTINUE);
        assertThat(noConversion.explanation()).contains("not evaluated");
    }

    @Test
    void splitsAlphaOverComparisonsWithMoreThanTwoVariants() {
        Map<String, ArmCounts> twoArms = Map.of("A", new ArmCounts(1000, 100), "B", new ArmCounts(1000, 148));
        Map<String, ArmCounts> threeArms = Map.of("A", new ArmCounts(1000, 100), "B", new ArmCounts(1000, 148),
                "C", new ArmCounts(1000, 100));
        SequentialExperimentJudge judge = new SequentialExperimentJudge();

        Verdict two = judge.judge(test("two", "A", "B"), twoArms);
        Verdict three = judge.judge(test("three", "A", "B", "C"), threeArms);

        assertThat(two.winner()).hasValue("B");
        assertThat(three.decision()).isEqualTo(Decision.CONTINUE);
        assertThat(three.explanation()).contains("alpha 0.05000 split over 2 comparisons")
                .contains("always-valid alpha 0.02500").contains("C vs A");
    }

    @Test
    void withSeveralVariantsPicksTheBestSignificantChallengerOrAControlThatBeatsAll() {
        SequentialExperimentJudge judge = new SequentialExperimentJudge();

        Verdict challenger = judge.judge(test("c", "A", "B", "C"), Map.of("A", new ArmCounts(1000, 100),
                "B", new ArmCounts(1000, 200), "C", new ArmCounts(1000, 220)));
        Verdict control = judge.judge(test("a", "A", "B", "C"), Map.of("A", new ArmCounts(1000, 250),
                "B", new ArmCounts(1000, 100), "C", new ArmCounts(1000, 110)));
        Verdict controlBeatsOnlyOne = judge.judge(test("one", "A", "B", "C"), Map.of("A", new ArmCounts(1000, 250),
                "B", new ArmCounts(1000, 100), "C", new ArmCounts(1000, 250)));

        assertThat(challenger.winner()).hasValue("C");
        assertThat(control.winner()).hasValue("A");
        assertThat(controlBeatsOnlyOne.decision()).isEqualTo(Decision.CONTINUE);
    }

    @Test
    void keepsTheRunningMinimumPerTest() {
        SequentialExperimentJudge judge = SequentialExperimentJudge.builder().alpha(0.001).build();
        AbTest abTest = test("t1", "A", "B");
        double firstP = new AlwaysValidTest(0.001, 5000)
                .evaluate(new Proportion(100, 1000), new Proportion(156, 1000)).orElseThrow().pValue();
        String firstPText = String.format(Locale.ROOT, "%.4g", firstP);

        Verdict first = judge.judge(abTest, Map.of("A", new ArmCounts(1000, 100), "B", new ArmCounts(1000, 156)));
        Verdict second = judge.judge(abTest, Map.of("A", new ArmCounts(1100, 115), "B", new ArmCounts(1100, 150)));
        Verdict otherTest = judge.judge(test("t2", "A", "B"),
                Map.of("A", new ArmCounts(1100, 115), "B", new ArmCounts(1100, 150)));

        assertThat(first.decision()).isEqualTo(Decision.CONTINUE);
        assertThat(second.decision()).isEqualTo(Decision.CONTINUE);
        assertThat(second.explanation()).contains("(running minimum " + firstPText + " over 2 looks)");
        assertThat(otherTest.explanation()).contains("over 1 looks").doesNotContain("running minimum " + firstPText);
    }

    @Test
    void flagsASampleRatioMismatch() {
        Verdict verdict = new SequentialExperimentJudge().judge(test("t1", "A", "B"),
                Map.of("A", new ArmCounts(1000, 120), "B", new ArmCounts(1300, 160)));

        assertThat(verdict.explanation()).contains("SAMPLE-RATIO MISMATCH").contains("chi-square 39.13");
    }

    @Test
    void rejectsInconsistentInput() {
        SequentialExperimentJudge judge = new SequentialExperimentJudge();

        assertThatThrownBy(() -> judge.judge(test("t1", "A", "B"), Map.of("Z", new ArmCounts(1, 0))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("unknown variant 'Z'");
        assertThatThrownBy(() -> judge.judge(null, Map.of()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("test");
        assertThatThrownBy(() -> judge.judge(test("t1", "A", "B"), null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("arms");
    }

    @Test
    void builderRejectsOutOfRangeSettings() {
        assertThatThrownBy(() -> SequentialExperimentJudge.builder().alpha(1.5).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("alpha");
        assertThatThrownBy(() -> SequentialExperimentJudge.builder().expectedSample(0).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("expectedSample");
        assertThatThrownBy(() -> SequentialExperimentJudge.builder().maxSample(-1).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("maxSample");
        assertThatThrownBy(() -> SequentialExperimentJudge.builder().srmThreshold(0).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("srmThreshold");
    }
}
