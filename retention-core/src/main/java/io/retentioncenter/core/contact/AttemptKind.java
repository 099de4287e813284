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
    DIRECT
}
