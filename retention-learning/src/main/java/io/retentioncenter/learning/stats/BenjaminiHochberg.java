package io.retentioncenter.learning.stats;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.internal.Require;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Benjamini–Hochberg false-discovery-rate q-values: sort the m p-values ascending,
 * {@code q(i) = min over j >= i of min(1, m * p(j) / j)}, reported in the original order. Declaring
 * every test with {@code q <= 0.05} a discovery keeps the expected share of false discoveries at or
 * below 5 %.
 */
public final class BenjaminiHochberg {
    private BenjaminiHochberg() {
    }

    /**
     * The q-values of {@code pValues}, index for index; empty for empty input.
     *
     * @throws ValidationException when an entry is not a number in [0, 1]
     */
    public static double[] qValues(double... pValues) {
        Require.present(pValues, "pValues");
        int m = pValues.length;
        for (int i = 0; i < m; i++) {
            if (!(pValues[i] >= 0.0 && pValues[i] <= 1.0)) {
                throw new ValidationException("pValues[" + i + "]", "must be in [0, 1], was " + pValues[i]);
            }
        }
        Integer[] ascending = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(ascending, Comparator.comparingDouble(i -> pValues[i]));
        double[] q = new double[m];
        double runningMin = 1.0;
        for (int rank = m; rank >= 1; rank--) {
            int index = ascending[rank - 1];
            runningMin = Math.min(runningMin, Math.min(1.0, m * pValues[index] / rank));
            q[index] = runningMin;
        }
        return q;
    }
}
