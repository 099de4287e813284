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
        List<SurvivalObservation> observations = List.of(
                SurvivalObservation.converted(1), SurvivalObservation.converted(2), SurvivalObservation.censored(2),
                SurvivalObservation.converted(3), SurvivalObservation.censored(4), SurvivalObservation.converted(5),
                SurvivalObservation.converted(5), SurvivalObservation.censored(7), SurvivalObservation.converted(8),
                SurvivalObservation.censored(10));
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
}
