package io.retentioncenter.learning.report;

/** What an {@link Insight} is about. */
public enum InsightKind {
    /** A phrase whose messages converted better or worse than the others (an association). */
    PHRASE,
    /** An hour of the lead's local day that converted better or worse than the other hours (an association). */
    TIME_OF_DAY,
    /** A day of the week that converted better or worse than the other days (an association). */
    DAY_OF_WEEK,
    /** One channel converting contacted leads better than another (an association). */
    CHANNEL,
    /** A sequence step that loses more leads than the sequence's other steps (an association). */
    FUNNEL_BOTTLENECK,
    /**
     * Several of the above that always occurred together (the same counts): one association, which
     * the data cannot assign to any one of them.
     */
    TRAVELLED_TOGETHER,
    /** A variant of a randomised A/B test that the always-valid sequential test declares better. */
    AB_TEST
}
