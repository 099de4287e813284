package io.retentioncenter.core.lead;

/** The orders of a lead search; ties are broken by creation time, then id. */
public enum LeadSort {
    /** By creation time. */
    CREATED,
    /** By last change. */
    UPDATED,
    /** By full name ("first last"), lower-cased, compared character by character; leads without a name first. */
    NAME,
    /** By status name. */
    STATUS
}
