package io.retentioncenter.learning.stats;

/** Which test produced a two-proportion p-value. */
public enum TestMethod {
    /** The pooled two-proportion z-test ({@link PooledZTest}). */
    POOLED_Z,
    /** Fisher's exact test ({@link FisherExactTest}), used when an expected cell is below 5. */
    FISHER_EXACT
}
