package io.retentioncenter.learning.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.retentioncenter.core.ValidationException;
import org.junit.jupiter.api.Test;

class SampleRatioCheckTest {

    @Test
    void flagsAMismatchAgainstAnEvenSplit() {
        SampleRatioCheck check = SampleRatioCheck.test(new long[] {1000, 1200}, new double[] {1, 1}, 0.001);

        assertThat(check.chiSquare()).isCloseTo(18.181818, within(1e-6));
        assertThat(check.degreesOfFreedom()).isEqualTo(1);
        assertThat(check.pValue()).isCloseTo(2.007866e-05, within(1e-9));
        assertThat(check.mismatch()).isTrue();
    }

    @Test
    void usesThePlannedWeights() {
        SampleRatioCheck check = SampleRatioCheck.test(new long[] {1000, 1000, 1200}, new double[] {11, 11, 10}, 0.001);

        assertThat(check.chiSquare()).isCloseTo(58.181818, within(1e-6));
        assertThat(check.degreesOfFreedom()).isEqualTo(2);
        assertThat(check.mismatch()).isTrue();
        assertThat(SampleRatioCheck.test(new long[] {1100, 1100, 1000}, new double[] {11, 11, 10}, 0.001))
                .satisfies(ok -> {
                    assertThat(ok.chiSquare()).isCloseTo(0.0, within(1e-9));
                    assertThat(ok.pValue()).isCloseTo(1.0, within(1e-9));
                    assertThat(ok.mismatch()).isFalse();
                });
    }

    @Test
    void nothingObservedIsNoMismatch() {
        assertThat(SampleRatioCheck.test(new long[] {0, 0}, new double[] {1, 3}, 0.001))
                .isEqualTo(new SampleRatioCheck(0.0, 1, 1.0, 0.001, false));
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> SampleRatioCheck.test(new long[] {1, 2}, new double[] {1}, 0.001))
                .isInstanceOf(ValidationException.class).hasMessageContaining("plannedWeights");
        assertThatThrownBy(() -> SampleRatioCheck.test(new long[] {1, -2}, new double[] {1, 1}, 0.001))
                .isInstanceOf(ValidationException.class).hasMessageContaining("observed[1]");
        assertThatThrownBy(() -> SampleRatioCheck.test(new long[] {1, 2}, new double[] {1, 0}, 0.001))
                .isInstanceOf(ValidationException.class).hasMessageContaining("plannedWeights[1]");
        assertThatThrownBy(() -> SampleRatioCheck.test(new long[] {1, 2}, new double[] {1, 1}, 0))
                .isInstanceOf(ValidationException.class).hasMessageContaining("threshold");
    }
}
