package io.retentioncenter.core.spi;

import io.retentioncenter.core.reengagement.ReengagementRule;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import java.time.Instant;
import java.util.List;

/**
 * Re-engagement rules and the record of who each one moved, once per lead and target sequence. A
 * role of {@link RetentionStore}.
 */
public interface ReengagementStore {
    /** Inserts or replaces a rule. */
    void saveReengagementRule(ReengagementRule rule);

    /** Every rule, in save order. */
    List<ReengagementRule> listReengagementRules();

    /** Deletes a rule; false when there was none. Leads it moved stay recorded. */
    boolean deleteReengagementRule(String ruleId);

    /**
     * Up to {@code limit} enrollments of the rule's source sequence whose anchor (enrollment, or
     * completion for {@code AFTER_COMPLETION}, which also requires status COMPLETED) lies in
     * {@code (anchoredAfter, anchoredBy]}, whose lead is contactable (not converted, rejected or opted
     * out) and was never recorded for the rule's target sequence; earliest anchor first, ties by id.
     * The window bounds what one call reads, however long the source sequence's history.
     */
    List<SequenceEnrollment> reengagementCandidates(ReengagementRule rule, Instant anchoredAfter, Instant anchoredBy,
            int limit);

    /**
     * Records that {@code leadId} is moved into {@code targetSequenceId}, unless it was before (by
     * any rule). Atomic: under any concurrency only one caller gets true per (lead, target sequence).
     *
     * @return true when recorded now
     */
    boolean markReengaged(String leadId, String targetSequenceId, String ruleId, String sourceEnrollmentId,
            Instant at);
}
