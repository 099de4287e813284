package io.retentioncenter.learning.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CumulativeIncidenceCurveTest {
    private static final List<SurvivalObservation> WITH_OPT_OUTS = List.of(
            SurvivalObservation.converted(1),
            SurvivalObservation.optedOut(2),
            SurvivalObservation.converted(3),
            SurvivalObservation.censored(4),
            SurvivalObservation.converted(5));
    /** The Kaplan–Meier reference data: no opt-outs. */
    private static final List<SurvivalObservation> WITHOUT_OPT_OUTS = List.of(
            SurvivalObservation.converted(1), SurvivalObservation.converted(2), SurvivalObservation.censored(2),
            SurvivalObservation.converted(3), SurvivalObservation.censored(4), SurvivalObservation.converted(5),
            SurvivalObservation.converted(5), SurvivalObservation.censored(7), SurvivalObservation.converted(8),
            SurvivalObservation.censored(10));

    @Test
    void computesTheAalenJohansenIncidencesByHand() {
        CumulativeIncidenceCurve curve = CumulativeIncidenceCurve.estimate(WITH_OPT_OUTS);

        assertThat(curve.conversionAt(1)).isCloseTo(0.2, within(1e-12));
        assertThat(curve.optOutAt(2)).isCloseTo(0.2, within(1e-12));
        assertThat(curve.conversionAt(3)).isCloseTo(0.4, within(1e-12));
        assertThat(curve.conversionAt(5)).isCloseTo(0.8, within(1e-12));
        assertThat(curve.optOutAt(5)).isCloseTo(0.2, within(1e-12));
        assertThat(curve.conversionAt(0.5)).isEqualTo(0.0);
    }

    @Test
    void kaplanMeierOverstatesConversionWhenOptOutsCompete() {
        double aalenJohansen = CumulativeIncidenceCurve.estimate(WITH_OPT_OUTS).conversionAt(5);
        double kaplanMeier = KaplanMeierCurve.estimate(WITH_OPT_OUTS).convertedAt(5);

        assertThat(kaplanMeier).isCloseTo(1.0, within(1e-12));
        assertThat(aalenJohansen).isLessThan(kaplanMeier);
    }

    @Test
    void outcomesAndEventFreeShareSumToOneAtEveryStep() {
        for (CumulativeIncidenceStep step : CumulativeIncidenceCurve.estimate(WITH_OPT_OUTS).steps()) {
            assertThat(step.eventFree() + step.conversionIncidence() + step.optOutIncidence())
                    .isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void withoutOptOutsEqualsTheKaplanMeierConversionCurve() {
        List<SurvivalObservation> observations = WITHOUT_OPT_OUTS;
        CumulativeIncidenceCurve incidence = CumulativeIncidenceCurve.estimate(observations);
        KaplanMeierCurve kaplanMeier = KaplanMeierCurve.estimate(observations);

        for (double t = 0; t <= 11; t += 0.5) {
            assertThat(incidence.conversionAt(t)).isCloseTo(kaplanMeier.convertedAt(t), within(1e-12));
            assertThat(incidence.optOutAt(t)).isEqualTo(0.0);
        }
    }

    @Test
    void emptyDataHasNoIncidence() {
        CumulativeIncidenceCurve curve = CumulativeIncidenceCurve.estimate(List.of());

        assertThat(curve.steps()).isEmpty();
        assertThat(curve.subjects()).isZero();
        assertThat(curve.conversionAt(3)).isEqualTo(0.0);
        assertThat(curve.optOutAt(3)).isEqualTo(0.0);
    }

    @Test
    void withoutCensoringTheVarianceIsBinomial() {
        List<SurvivalObservation> observations = List.of(
                SurvivalObservation.converted(1), SurvivalObservation.optedOut(2), SurvivalObservation.converted(3),
                SurvivalObservation.optedOut(4), SurvivalObservation.optedOut(4), SurvivalObservation.optedOut(4),
                SurvivalObservation.converted(5), SurvivalObservation.converted(5), SurvivalObservation.optedOut(6),
                SurvivalObservation.optedOut(6));
        CumulativeIncidenceCurve curve = CumulativeIncidenceCurve.estimate(observations);

        assertThat(curve.conversionAt(1)).isCloseTo(0.1, within(1e-12));
        assertThat(curve.conversionVarianceAt(1)).isCloseTo(0.1 * 0.9 / 10, within(1e-12));
        assertThat(curve.conversionVarianceAt(3)).isCloseTo(0.2 * 0.8 / 10, within(1e-12));
        assertThat(curve.conversionVarianceAt(5)).isCloseTo(0.4 * 0.6 / 10, within(1e-12));
        assertThat(curve.conversionVarianceAt(6)).isCloseTo(0.4 * 0.6 / 10, within(1e-12));
        assertThat(curve.conversionVarianceAt(0.5)).isZero();
    }

    @Test
    void withoutOptOutsTheVarianceIsGreenwoods() {
        List<SurvivalObservation> observations = WITHOUT_OPT_OUTS;
        CumulativeIncidenceCurve incidence = CumulativeIncidenceCurve.estimate(observations);
        KaplanMeierCurve km = KaplanMeierCurve.estimate(observations);

        for (double t : new double[] {1, 2, 3, 5, 8, 10}) {
            assertThat(incidence.conversionVarianceAt(t)).as("t = %s", t).isCloseTo(km.varianceAt(t), within(1e-12));
        }
    }
}
