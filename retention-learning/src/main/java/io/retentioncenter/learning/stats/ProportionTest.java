package io.retentioncenter.learning.stats;

import io.retentioncenter.core.internal.Require;

/**
 * A two-proportion comparison with the test chosen by the data: Fisher's exact test
 * when any expected cell of the 2×2 table is below 5 (this includes every degenerate table: an empty
 * arm, no successes or no failures), otherwise the pooled z-test.
 *
 * @param method the test that was used
 * @param pValue two-sided p-value in [0, 1]
 */
public record ProportionTest(TestMethod method, double pValue) {
    /** Smallest expected cell count for which the normal approximation is trusted. */
    public static final double MIN_EXPECTED_CELL = 5.0;

    /** Validates. */
    public ProportionTest {
        Require.present(method, "method");
    }

    /** Compares {@code treatment} against {@code control} with the appropriate test. */
    public static ProportionTest compare(Proportion control, Proportion treatment) {
        Require.present(control, "control");
        Require.present(treatment, "treatment");
        if (smallestExpectedCell(control, treatment) < MIN_EXPECTED_CELL) {
            return new ProportionTest(TestMethod.FISHER_EXACT, FisherExactTest.twoSidedPValue(control, treatment));
        }
        return new ProportionTest(TestMethod.POOLED_Z, PooledZTest.compute(control, treatment).pValue());
    }

    /** The smallest of the four expected counts row total × column total / grand total; 0 for an empty table. */
    static double smallestExpectedCell(Proportion control, Proportion treatment) {
        double total = (double) control.trials() + treatment.trials();
        if (total == 0) {
            return 0.0;
        }
        double smallerRow = Math.min(control.trials(), treatment.trials());
        double successes = (double) control.successes() + treatment.successes();
        double smallerColumn = Math.min(successes, total - successes);
        return smallerRow * smallerColumn / total;
    }
}
