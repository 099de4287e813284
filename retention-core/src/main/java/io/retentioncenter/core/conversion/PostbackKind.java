package io.retentioncenter.core.conversion;

/** What a tracker postback asks for. */
public enum PostbackKind {
    /** A conversion registered, not yet confirmed. */
    LEAD,
    /** A confirmed sale. */
    SALE,
    /** A cancellation. */
    REJECTED,
    /** Additional revenue on an existing sale. */
    REBILL
}
