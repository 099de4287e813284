package io.retentioncenter.core.spi;

import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadInsertResult;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExitReason;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The leads: atomic insert-if-absent by email or phone, lookups, paging, and status moves (ending a
 * lead's outreach atomically with its status). A role of {@link RetentionStore}.
 */
public interface LeadStore {
    /**
     * Inserts {@code candidate} unless a lead with the same email or the same phone exists, in which
     * case the existing lead is returned and nothing changes. Atomic: concurrent inserts of one
     * person (same email or phone) create exactly one lead.
     */
    LeadInsertResult insertLeadIfAbsent(Lead candidate);

    /** The lead with {@code id}. */
    Optional<Lead> findLead(String id);

    /** The leads with the given ids that exist, keyed by id (one round trip). */
    Map<String, Lead> findLeads(Collection<String> ids);

    /** The lead whose external (tracker) id is {@code externalId}; the earliest if several. */
    Optional<Lead> findLeadByExternalId(String externalId);

    /** The lead with this normalized email or E.164 phone. */
    Optional<Lead> findLeadByAddress(String emailOrPhone);

    /** Leads in creation order. */
    Page<Lead> listLeads(PageRequest page);

    /**
     * Moves a lead to {@code next} if its state machine allows; atomic read-check-write.
     *
     * @throws io.retentioncenter.core.NotFoundException when the lead does not exist
     * @throws io.retentioncenter.core.IllegalStateTransitionException when the move is illegal
     */
    Lead updateLeadStatus(String leadId, LeadStatus next, Instant at);

    /**
     * Ends a lead's outreach at once, atomically: moves the lead to {@code status} (checked), moves
     * every ACTIVE or PAUSED enrollment of the lead to {@code enrollmentStatus} with {@code reason},
     * and cancels the lead's SCHEDULED and PENDING attempts. A tick that claimed one of those
     * enrollments will find its outcome STALE and send nothing.
     *
     * @return the number of enrollments that ended
     * @throws io.retentioncenter.core.NotFoundException when the lead does not exist
     * @throws io.retentioncenter.core.IllegalStateTransitionException when the lead status move is illegal
     */
    int endOutreach(String leadId, LeadStatus status, EnrollmentStatus enrollmentStatus, ExitReason reason,
            Instant at);
}
