package io.retentioncenter.core.fact;

import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExitReason;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import java.time.Instant;
import java.util.Optional;

/**
 * What analytics reads of a {@link SequenceEnrollment}: whose it is, when it began and how it ended.
 *
 * @param id the enrollment
 * @param sequenceId its sequence
 * @param leadId its lead
 * @param campaignId its campaign
 * @param status its status
 * @param exitReason why it exited, when it did
 * @param enrolledAt when it began
 * @param completedAt when it reached a final status, if it has
 */
public record EnrollmentFact(String id, String sequenceId, String leadId, String campaignId, EnrollmentStatus status,
        Optional<ExitReason> exitReason, Instant enrolledAt, Optional<Instant> completedAt) {

    /** Checks that every component is present. */
    public EnrollmentFact {
        Require.present(id, "id");
        Require.present(sequenceId, "sequenceId");
        Require.present(leadId, "leadId");
        Require.present(campaignId, "campaignId");
        Require.present(status, "status");
        Require.present(exitReason, "exitReason");
        Require.present(enrolledAt, "enrolledAt");
        Require.present(completedAt, "completedAt");
    }

    /** The projection of {@code enrollment}. */
    public static EnrollmentFact of(SequenceEnrollment enrollment) {
        return new EnrollmentFact(enrollment.id(), enrollment.sequenceId(), enrollment.leadId(),
                enrollment.campaignId(), enrollment.status(), enrollment.exitReason(), enrollment.enrolledAt(),
                enrollment.completedAt());
    }
}
