package io.retentioncenter.core.contact;

/** Why an attempt exists. */
public enum AttemptKind {
    /** A step of a retention sequence. */
    SEQUENCE_STEP,
    /** An extra touch inserted by smart re-engagement (opened but not converted). */
    REENGAGEMENT,
    /** A callback the lead asked for during a call. */
    CALLBACK,
    /** A direct {@code routeContact} call by the host. */
    DIRECT,
    /**
     * A test send by an operator to an address of their choosing, outside any sequence: no lead is
     * contacted or counted, and analytics never see it.
     */
    TEST,
    /** A one-off message an operator writes to one lead (the lead page's "send SMS"). */
    ONE_OFF
}
