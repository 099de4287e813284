package io.retentioncenter.core.experiment;

import io.retentioncenter.core.internal.Require;
import java.time.Instant;

/**
 * A lead's arm in a timing test, fixed when the tested step was planned for it (intent to treat):
 * one per test and lead, stored with the planning that used it. The lead's conversions in the
 * campaign from {@code assignedAt} on count for the arm, whether or not the step was sent by then.
 *
 * @param testId the timing test
 * @param leadId the lead
 * @param campaignId the campaign of the enrollment
 * @param enrollmentId the enrollment whose step was planned
 * @param variant the arm's name
 * @param assignedAt when the step was planned
 */
public record ArmAssignment(String testId, String leadId, String campaignId, String enrollmentId, String variant,
        Instant assignedAt) {
    /** Validates. */
    public ArmAssignment {
        Require.text(testId, "testId");
        Require.text(leadId, "leadId");
        Require.text(campaignId, "campaignId");
        Require.text(enrollmentId, "enrollmentId");
        Require.text(variant, "variant");
        Require.present(assignedAt, "assignedAt");
    }
}
