package io.retentioncenter.core.spi;

import io.retentioncenter.core.Page;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadCounts;
import io.retentioncenter.core.lead.LeadEdit;
import io.retentioncenter.core.lead.LeadSearch;
import io.retentioncenter.core.lead.LeadStatusChange;
import java.time.Instant;
import java.util.List;

/**
 * The operator's view of the leads: search with filters, order and a total, counts by status and
 * source, edits of the contact details, and the history of status moves. A role of
 * {@link RetentionStore}.
 *
 * <p>Every store writes a {@link LeadStatusChange} in the same unit of work as each status move it
 * makes (updateLeadStatus, endOutreach, a first contact, a conversion); a lead's initial NEW status
 * is its creation, not a change.
 */
public interface LeadDirectory {
    /**
     * The page of leads {@code search} asks for, in its order (ties by creation time, then id, reversed
     * with a descending order), with the number of matching leads as total. The text is matched as a
     * substring of the lead's search text: first name, last name, email, phone and external id joined
     * by single spaces (absent ones empty), lower-cased.
     */
    Page<Lead> searchLeads(LeadSearch search);

    /** The leads matching the filters of {@code search} (text included; order and page ignored), by status and source. */
    LeadCounts countLeads(LeadSearch search);

    /**
     * Replaces the lead's names, email, phone and notes by those of {@code edit} (normalized by the
     * caller) and sets its update time, atomically with the dedupe check: the email and the phone
     * must not be another lead's.
     *
     * @return the lead as stored
     * @throws io.retentioncenter.core.NotFoundException when the lead does not exist
     * @throws io.retentioncenter.core.ConflictException when another lead has the email or the phone
     */
    Lead editLead(String leadId, LeadEdit edit, Instant at);

    /** The lead's status moves, oldest first (ties by id); empty for an unknown lead. */
    List<LeadStatusChange> leadStatusChanges(String leadId);
}
