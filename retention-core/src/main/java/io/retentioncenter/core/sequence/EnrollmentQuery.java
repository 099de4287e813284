package io.retentioncenter.core.sequence;

import java.util.Optional;

/**
 * Filter for listing enrollments; empty fields match everything.
 *
 * @param sequenceId only this sequence
 * @param campaignId only this campaign
 * @param leadId only this lead
 * @param status only this status
 */
public record EnrollmentQuery(Optional<String> sequenceId, Optional<String> campaignId, Optional<String> leadId,
        Optional<EnrollmentStatus> status) {

    /** Matches every enrollment. */
    public static EnrollmentQuery all() {
        return new EnrollmentQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Only enrollments of {@code sequenceId}. */
    public static EnrollmentQuery ofSequence(String sequenceId) {
        return all().withSequence(sequenceId);
    }

    /** Only enrollments of {@code leadId}. */
    public static EnrollmentQuery ofLead(String leadId) {
        return new EnrollmentQuery(Optional.empty(), Optional.empty(), Optional.of(leadId), Optional.empty());
    }

    /** A copy restricted to {@code id}'s sequence. */
    public EnrollmentQuery withSequence(String id) {
        return new EnrollmentQuery(Optional.of(id), campaignId, leadId, status);
    }

    /** A copy restricted to campaign {@code id}. */
    public EnrollmentQuery withCampaign(String id) {
        return new EnrollmentQuery(sequenceId, Optional.of(id), leadId, status);
    }

    /** A copy restricted to {@code value}. */
    public EnrollmentQuery withStatus(EnrollmentStatus value) {
        return new EnrollmentQuery(sequenceId, campaignId, leadId, Optional.of(value));
    }

    /** Whether {@code e} matches. */
    public boolean matches(SequenceEnrollment e) {
        return sequenceId.map(e.sequenceId()::equals).orElse(true)
                && campaignId.map(e.campaignId()::equals).orElse(true)
                && leadId.map(e.leadId()::equals).orElse(true)
                && status.map(s -> s == e.status()).orElse(true);
    }
}
