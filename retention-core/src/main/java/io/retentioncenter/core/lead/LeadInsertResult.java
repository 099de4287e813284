package io.retentioncenter.core.lead;

/**
 * Outcome of inserting a lead with dedupe.
 *
 * @param lead the stored lead: the new one, or the existing one it duplicates
 * @param created true when {@code lead} was created by this call
 */
public record LeadInsertResult(Lead lead, boolean created) {
}
