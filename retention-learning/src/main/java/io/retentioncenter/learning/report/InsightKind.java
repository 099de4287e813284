package io.retentioncenter.learning.report;

/** What an {@link Insight} is about. */
public enum InsightKind {
    /** A word or phrase whose messages convert better or worse than the others. */
    PHRASE,
    /** An hour of the lead's local day that converts better or worse than the other hours. */
    TIME_OF_DAY,
    /** A day of the week that converts better or worse than the other days. */
    DAY_OF_WEEK,
    /** One channel converting contacted leads better than another. */
    CHANNEL,
    /** A sequence step that loses more leads than the sequence's other steps. */
    FUNNEL_BOTTLENECK
}
