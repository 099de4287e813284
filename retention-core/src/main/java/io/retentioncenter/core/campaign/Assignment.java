package io.retentioncenter.core.campaign;

/** Outcome of assigning a lead to a campaign under its cap. */
public enum Assignment {
    /** The lead joined the campaign. */
    ASSIGNED,
    /** The lead was already in the campaign; nothing changed. */
    ALREADY_ASSIGNED,
    /** The campaign's lead cap is reached; nothing changed. */
    CAP_REACHED,
    /** An operator removed the lead from the campaign; it stays out and nothing changed. */
    REMOVED
}
