package io.retentioncenter.learning.report;

/** The stages of the lead funnel; each is a subset of the one before. */
public enum LeadStage {
    /** Leads in the scope. */
    LEADS,
    /** Leads with at least one sent attempt. */
    CONTACTED,
    /** Contacted leads that opened, replied, answered, completed a call, or converted. */
    RESPONDED,
    /** Contacted leads with an attributed sale. */
    CONVERTED
}
