package io.retentioncenter.core.lead;

import io.retentioncenter.core.sequence.SequenceEnrollment;
import java.util.List;

/**
 * What a store did with one {@link LeadIntake}.
 *
 * @param lead the lead as stored (the existing one for a duplicate)
 * @param created true for a new lead, false for a duplicate of an existing one
 * @param campaignIds campaigns the lead joined or was newly enrolled through
 * @param enrollments enrollments created
 */
public record IntakeOutcome(Lead lead, boolean created, List<String> campaignIds,
        List<SequenceEnrollment> enrollments) {
    /** Copies the lists. */
    public IntakeOutcome {
        campaignIds = List.copyOf(campaignIds);
        enrollments = List.copyOf(enrollments);
    }
}
