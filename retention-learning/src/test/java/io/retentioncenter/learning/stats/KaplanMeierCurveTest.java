package io.retentioncenter.learning.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.retentioncenter.core.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KaplanMeierCurveTest {
    private static final double TOLERANCE = 1e-6;

    /** The published reference data. */
    private static List<SurvivalObservation> reference() {
        double[] times = {1, 2, 2, 3, 4, 5, 5, 7, 8, 10};
        int[] converted = {1, 1, 0, 1, 0, 1, 1, 0, 1, 0};
        List<SurvivalObservation> observations = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            observations.add(converted[i] == 1 ? SurvivalObservation.converted(times[i])
                    : SurvivalObservation.censored(times[i]));
        }
        return observations;
    }

    @Test
    void matchesTheReferenceValues() {
        KaplanMeierCurve curve = KaplanMeierCurve.estimate(reference());

        assertThat(curve.survivalAt(1)).isCloseTo(0.9, within(TOLERANCE));
        assertThat(curve.survivalAt(2)).isCloseTo(0.8, within(TOLERANCE));
        assertThat(curve.survivalAt(3)).isCloseTo(0.685714, within(TOLERANCE));
        assertThat(curve.survivalAt(5)).isCloseTo(0.411429, within(TOLERANCE));
        assertThat(curve.survivalAt(8)).isCloseTo(0.205714, within(TOLERANCE));
        assertThat(curve.median()).hasValue(5.0);
        assertThat(curve.convertedAt(10)).isCloseTo(0.794286, within(TOLERANCE));
        assertThat(curve.subjects()).isEqualTo(10);
        assertThat(curve.conversions()).isEqualTo(6);
    }

    @Test
    void greenwoodVarianceAccumulatesOverConversionTimes() {
        KaplanMeierCurve curve = KaplanMeierCurve.estimate(reference());

        assertThat(curve.varianceAt(1)).isCloseTo(0.009, within(1e-9));
        assertThat(curve.varianceAt(2.5)).isCloseTo(0.016, within(1e-9));
        assertThat(curve.varianceAt(3)).isCloseTo(0.022950437, within(1e-9));
        assertThat(curve.varianceAt(6)).isCloseTo(0.030831953, within(1e-9));
        assertThat(curve.varianceAt(100)).isCloseTo(0.028867172, within(1e-9));
    }

    @Test
    void stepsCountTheRiskSetWithConversionsBeforeCensoringsAtTiedTimes() {
        KaplanMeierStep atTwo = KaplanMeierCurve.estimate(reference()).steps().get(1);

        assertThat(atTwo.time()).isEqualTo(2.0);
        assertThat(atTwo.atRisk()).isEqualTo(9);
        assertThat(atTwo.conversions()).isEqualTo(1);
        assertThat(atTwo.censored()).isEqualTo(1);
        assertThat(atTwo.converted()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void isFlatBeforeTheFirstTimeAndBetweenSteps() {
        KaplanMeierCurve curve = KaplanMeierCurve.estimate(reference());

        assertThat(curve.survivalAt(0.5)).isEqualTo(1.0);
        assertThat(curve.varianceAt(0.5)).isEqualTo(0.0);
        assertThat(curve.survivalAt(4.99)).isCloseTo(0.685714, within(TOLERANCE));
        assertThat(curve.survivalAt(1e9)).isCloseTo(0.205714, within(TOLERANCE));
    }

    @Test
    void restrictedMeanIsTheAreaUnderTheCurveUpToTheHorizon() {
        KaplanMeierCurve curve = KaplanMeierCurve.estimate(reference());

        assertThat(curve.restrictedMean(10)).isCloseTo(1 + 0.9 + 0.8 + 0.685714286 * 2 + 0.411428571 * 3
                + 0.205714286 * 2, within(TOLERANCE));
        assertThat(curve.restrictedMean(4.5)).isCloseTo(1 + 0.9 + 0.8 + 0.685714286 * 1.5, within(TOLERANCE));
        assertThat(curve.restrictedMean(0)).isEqualTo(0.0);
    }

    @Test
    void summaryReportsTheWindowFigures() {
        TimeToConversion summary = KaplanMeierCurve.estimate(reference()).summary(10);

        assertThat(summary.subjects()).isEqualTo(10);
        assertThat(summary.conversions()).isEqualTo(6);
        assertThat(summary.convertedByHorizon()).isCloseTo(0.794286, within(TOLERANCE));
        assertThat(summary.median()).hasValue(5.0);
        assertThat(summary.restrictedMean()).isCloseTo(5.717143, within(TOLERANCE));
    }

    @Test
    void allConvertingAtOneTiedTimeDropsToZeroWithoutNaN() {
        KaplanMeierCurve curve = KaplanMeierCurve.estimate(List.of(
                SurvivalObservation.converted(3), SurvivalObservation.converted(3), SurvivalObservation.converted(3)));

        assertThat(curve.survivalAt(3)).isEqualTo(0.0);
        assertThat(curve.varianceAt(3)).isEqualTo(0.0);
        assertThat(curve.median()).hasValue(3.0);
        assertThat(curve.restrictedMean(10)).isEqualTo(3.0);
    }

    @Test
    void aCurveAtExactlyOneHalfReachesTheMedianDespiteRounding() {
        List<SurvivalObservation> observations = new ArrayList<>(List.of(
                SurvivalObservation.converted(1), SurvivalObservation.converted(2), SurvivalObservation.converted(2),
                SurvivalObservation.converted(3), SurvivalObservation.converted(4)));
        for (int i = 0; i < 5; i++) {
            observations.add(SurvivalObservation.censored(9));
        }
        KaplanMeierCurve curve = KaplanMeierCurve.estimate(observations);

        // 9/10 * 7/9 * 5/7 * 4/5 is exactly 1/2, a hair above it in floating point
        assertThat(curve.survivalAt(4)).isCloseTo(0.5, within(1e-15));
        assertThat(curve.median()).hasValue(4.0);
    }

    @Test
    void emptyAndAllCensoredDataHaveNoMedian() {
        KaplanMeierCurve empty = KaplanMeierCurve.estimate(List.of());
        KaplanMeierCurve censored = KaplanMeierCurve.estimate(List.of(
                SurvivalObservation.censored(1), SurvivalObservation.censored(2)));

        assertThat(empty.steps()).isEmpty();
        assertThat(empty.survivalAt(5)).isEqualTo(1.0);
        assertThat(empty.median()).isEmpty();
        assertThat(empty.restrictedMean(7)).isEqualTo(7.0);
        assertThat(censored.convertedAt(5)).isEqualTo(0.0);
        assertThat(censored.median()).isEmpty();
    }

    @Test
    void optOutsAreCensoredInKaplanMeier() {
        KaplanMeierCurve curve = KaplanMeierCurve.estimate(List.of(
                SurvivalObservation.converted(1), SurvivalObservation.optedOut(1), SurvivalObservation.converted(2)));

        assertThat(curve.steps().get(0).censored()).isEqualTo(1);
        assertThat(curve.survivalAt(1)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(curve.survivalAt(2)).isEqualTo(0.0);
    }

    @Test
    void rejectsBadInputNamingTheField() {
        assertThatThrownBy(() -> SurvivalObservation.converted(-1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("time");
        assertThatThrownBy(() -> SurvivalObservation.censored(Double.POSITIVE_INFINITY))
                .isInstanceOf(ValidationException.class).hasMessageContaining("time");
        assertThatThrownBy(() -> new SurvivalObservation(1, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("outcome");
        assertThatThrownBy(() -> KaplanMeierCurve.estimate(null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("observations");
        assertThatThrownBy(() -> KaplanMeierCurve.estimate(Arrays.asList(SurvivalObservation.converted(1), null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("observations[1]");
        KaplanMeierCurve curve = KaplanMeierCurve.estimate(reference());
        assertThatThrownBy(() -> curve.restrictedMean(-1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("horizon");
        assertThatThrownBy(() -> curve.survivalAt(Double.NaN))
                .isInstanceOf(ValidationException.class);
    }
}
