package io.retentioncenter.core.sequence;

import io.retentioncenter.core.internal.Require;
import java.time.Instant;
import java.util.Optional;

/**
 * A lead's run through a sequence.
 *
 * @param id enrollment id
 * @param sequenceId the sequence
 * @param leadId the lead
 * @param campaignId the campaign the steps are sent for
 * @param status lifecycle status
 * @param exitReason why it exited, when EXITED or CONVERTED
 * @param currentStep the next step number to run (1-based); past the last step means done
 * @param nextExecuteAt when the next step is due
 * @param completedSteps steps executed or skipped so far
 * @param enrolledAt enrollment time
 * @param completedAt when it reached a final status
 * @param lastStepAt when the previous step actually ran; the next delay counts from here
 * @param leaseOwner the engine instance holding the claim
 * @param leaseUntil when the claim expires
 * @param updatedAt last change
 */
public record SequenceEnrollment(
        String id,
        String sequenceId,
        String leadId,
        String campaignId,
        EnrollmentStatus status,
        Optional<ExitReason> exitReason,
        int currentStep,
        Instant nextExecuteAt,
        int completedSteps,
        Instant enrolledAt,
        Optional<Instant> completedAt,
        Optional<Instant> lastStepAt,
        Optional<String> leaseOwner,
        Optional<Instant> leaseUntil,
        Instant updatedAt) {

    /** Validates. */
    public SequenceEnrollment {
        Require.text(id, "id");
        Require.text(sequenceId, "sequenceId");
        Require.text(leadId, "leadId");
        Require.text(campaignId, "campaignId");
        Require.present(status, "status");
        Require.present(exitReason, "exitReason");
        Require.positive(currentStep, "currentStep");
        Require.present(nextExecuteAt, "nextExecuteAt");
        Require.nonNegative(completedSteps, "completedSteps");
        Require.present(enrolledAt, "enrolledAt");
        Require.present(completedAt, "completedAt");
        Require.present(lastStepAt, "lastStepAt");
        Require.present(leaseOwner, "leaseOwner");
        Require.present(leaseUntil, "leaseUntil");
        Require.present(updatedAt, "updatedAt");
    }

    /** A new ACTIVE enrollment whose first step is due at {@code firstDue}. */
    public static SequenceEnrollment start(String id, String sequenceId, String leadId, String campaignId,
            Instant enrolledAt, Instant firstDue) {
        return new SequenceEnrollment(id, sequenceId, leadId, campaignId, EnrollmentStatus.ACTIVE, Optional.empty(),
                1, firstDue, 0, enrolledAt, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                enrolledAt);
    }

    /** A copy without lease moved on past the current step: next step due at {@code nextDue}. */
    public SequenceEnrollment advanced(Instant executedAt, Instant nextDue) {
        return new SequenceEnrollment(id, sequenceId, leadId, campaignId, status, exitReason, currentStep + 1, nextDue,
                completedSteps + 1, enrolledAt, completedAt, Optional.of(executedAt), Optional.empty(),
                Optional.empty(), executedAt);
    }

    /** A copy without lease, same step, due again at {@code at} (deferral). */
    public SequenceEnrollment deferredTo(Instant at, Instant now) {
        return new SequenceEnrollment(id, sequenceId, leadId, campaignId, status, exitReason, currentStep, at,
                completedSteps, enrolledAt, completedAt, lastStepAt, Optional.empty(), Optional.empty(), now);
    }

    /** A final copy without lease in {@code finalStatus} with an optional reason. */
    public SequenceEnrollment finished(EnrollmentStatus finalStatus, Optional<ExitReason> reason, Instant at) {
        return new SequenceEnrollment(id, sequenceId, leadId, campaignId, finalStatus, reason, currentStep,
                nextExecuteAt, completedSteps, enrolledAt, Optional.of(at), lastStepAt, Optional.empty(),
                Optional.empty(), at);
    }

    /** A copy with another (non-final) status and due time, without lease. */
    public SequenceEnrollment withStatus(EnrollmentStatus next, Instant due, Instant at) {
        return new SequenceEnrollment(id, sequenceId, leadId, campaignId, next, exitReason, currentStep, due,
                completedSteps, enrolledAt, completedAt, lastStepAt, Optional.empty(), Optional.empty(), at);
    }
}
