package io.retentioncenter.learning.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.retentioncenter.core.ValidationException;
import org.junit.jupiter.api.Test;

class ShrunkRateTest {

    @Test
    void sparseCellsMoveTowardThePriorAndDenseCellsKeepTheirRate() {
        ShrunkRate sparse = ShrunkRate.shrink(new Proportion(2, 4), 0.1, 20);
        ShrunkRate dense = ShrunkRate.shrink(new Proportion(500, 1000), 0.1, 20);

        assertThat(sparse.rate()).isCloseTo((2 + 20 * 0.1) / 24, within(1e-12));
        assertThat(dense.rate()).isCloseTo((500 + 2.0) / 1020, within(1e-12));
    }

    @Test
    void emptyCellIsThePriorRate() {
        assertThat(ShrunkRate.shrink(new Proportion(0, 0), 0.07, 10).rate()).isEqualTo(0.07);
        assertThat(ShrunkRate.shrink(new Proportion(0, 0), 0.07, 0).rate()).isEqualTo(0.07);
        assertThat(ShrunkRate.shrink(new Proportion(3, 4), 0.07, 0).rate()).isEqualTo(0.75);
    }

    @Test
    void rejectsBadPriors() {
        assertThatThrownBy(() -> ShrunkRate.shrink(new Proportion(1, 2), 1.2, 10))
                .isInstanceOf(ValidationException.class).hasMessageContaining("priorRate");
        assertThatThrownBy(() -> ShrunkRate.shrink(new Proportion(1, 2), 0.2, -1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("priorWeight");
        assertThatThrownBy(() -> ShrunkRate.shrink(new Proportion(1, 2), 0.2, Double.NaN))
                .isInstanceOf(ValidationException.class).hasMessageContaining("priorWeight");
    }
}
