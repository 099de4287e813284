package io.retentioncenter.learning.report;

/** How a comparison was obtained, which decides how far it may be trusted and whether it may instruct. */
public enum Evidence {
    /** From leads as they happened to flow: an association, confounded by what it could not separate. */
    OBSERVATIONAL,
    /** From randomised arms judged by the sequential test: a difference is causal. */
    RANDOMIZED
}
