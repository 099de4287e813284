package io.retentioncenter.core.lead;

import java.util.List;

/**
 * What ingesting one lead did.
 *
 * @param lead the stored lead (the existing one for a duplicate)
 * @param created true for a new lead, false for a duplicate of an existing one
 * @param campaignIds campaigns the new lead was assigned to (empty for duplicates)
 * @param enrollmentIds enrollments created for the new lead
 */
public record IngestResult(Lead lead, boolean created, List<String> campaignIds, List<String> enrollmentIds) {
    /** Copies the lists. */
    public IngestResult {
        campaignIds = List.copyOf(campaignIds);
        enrollmentIds = List.copyOf(enrollmentIds);
    }
}
