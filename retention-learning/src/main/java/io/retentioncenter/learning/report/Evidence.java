package io.retentioncenter.learning.report;

/** How a comparison was obtained, which decides how far it may be trusted. */
public enum Evidence {
    /** From leads as they happened to flow; confounded (see {@link DelayAnalysis#caveat()}). */
    OBSERVATIONAL,
    /** From randomized arms; a difference is causal. */
    RANDOMIZED
}
