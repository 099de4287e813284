package io.retentioncenter.core.lead;

/** Where a lead came from. */
public enum LeadSource {
    /** A Meta (Facebook/Instagram) lead ad, through the webhook. */
    META,
    /** The host's own API. */
    API,
    /** Entered by hand by an operator. */
    MANUAL,
    /** Part of a bulk import. */
    BULK
}
