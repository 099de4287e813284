package io.retentioncenter.learning.report;

/** What a report looks at. */
public enum ScopeKind {
    /** Every campaign, sequence and channel. */
    GLOBAL,
    /** One campaign: its attempts, conversions and enrollments. */
    CAMPAIGN,
    /** One sequence: the leads enrolled in it during the range, their attempts and conversions. */
    SEQUENCE,
    /** One channel: its attempts and the conversions credited to it. */
    CHANNEL
}
