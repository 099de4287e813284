package io.retentioncenter.learning.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MantelHaenszelTestTest {

    private static MantelHaenszelTest.Stratum stratum(long k1, long n1, long k0, long n0) {
        return new MantelHaenszelTest.Stratum(new Proportion(k1, n1), new Proportion(k0, n0));
    }

    @Test
    void oneStratumIsThePooledZTestWithTheHypergeometricVariance() {
        MantelHaenszelTest test = MantelHaenszelTest.compute(List.of(stratum(150, 1000, 120, 1000)));
        double n = 2000;

        assertThat(test.z()).isCloseTo(1.963050 * Math.sqrt((n - 1) / n), within(1e-6));
        assertThat(test.informativeStrata()).isEqualTo(1);
        assertThat(test.pValue()).isCloseTo(StandardNormal.twoSidedPValue(test.z()), within(1e-15));
    }

    @Test
    void aDifferenceThatOnlyReflectsTheStrataIsNotSignificant() {
        // Within each stratum the group converts as the baseline does; pooled, the group looks 4× better.
        List<MantelHaenszelTest.Stratum> strata = List.of(stratum(40, 100, 4, 10), stratum(1, 10, 10, 100));

        MantelHaenszelTest test = MantelHaenszelTest.compute(strata);
        assertThat(test.z()).isCloseTo(0.0, within(1e-12));
        assertThat(test.pValue()).isCloseTo(1.0, within(1e-12));
        assertThat(PooledZTest.compute(new Proportion(14, 110), new Proportion(41, 110)).pValue()).isLessThan(0.001);
    }

    @Test
    void strataWithOnlyOneSideOrOneOutcomeCarryNoInformation() {
        MantelHaenszelTest test = MantelHaenszelTest.compute(List.of(stratum(40, 100, 0, 0), stratum(0, 50, 0, 50)));

        assertThat(test.informativeStrata()).isZero();
        assertThat(test.pValue()).isEqualTo(1.0);
        assertThat(MantelHaenszelTest.compute(List.of()).pValue()).isEqualTo(1.0);
    }
}
