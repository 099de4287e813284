package io.retentioncenter.learning.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.retentioncenter.core.ValidationException;
import org.junit.jupiter.api.Test;

class BenjaminiHochbergTest {

    @Test
    void matchesTheReferenceValues() {
        double[] q = BenjaminiHochberg.qValues(.001, .008, .039, .041, .042, .060, .074, .205);

        assertThat(q).containsExactly(new double[] {.008, .032, .0672, .0672, .0672, .08, .084571, .205}, within(1e-6));
    }

    @Test
    void reportsInTheOriginalOrder() {
        double[] q = BenjaminiHochberg.qValues(.205, .041, .001, .074, .039, .060, .008, .042);

        assertThat(q).containsExactly(new double[] {.205, .0672, .008, .084571, .0672, .08, .032, .0672}, within(1e-6));
    }

    @Test
    void capsAtOneAndHandlesEmptyInput() {
        assertThat(BenjaminiHochberg.qValues(0.9, 1.0, 0.8)).containsExactly(1.0, 1.0, 1.0);
        assertThat(BenjaminiHochberg.qValues()).isEmpty();
    }

    @Test
    void rejectsValuesThatAreNotProbabilities() {
        assertThatThrownBy(() -> BenjaminiHochberg.qValues(0.1, Double.NaN))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("pValues[1]");
        assertThatThrownBy(() -> BenjaminiHochberg.qValues(1.5))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> BenjaminiHochberg.qValues((double[]) null))
                .isInstanceOf(ValidationException.class);
    }
}
