package io.retentioncenter.core.reengagement;

/** What a re-engagement rule's delay counts from. */
public enum ReengagementTrigger {
    /** The enrollment in the source sequence, whatever became of it since. */
    AFTER_ENROLLMENT,
    /** The completion of the source sequence (all steps run) without a conversion. */
    AFTER_COMPLETION
}
