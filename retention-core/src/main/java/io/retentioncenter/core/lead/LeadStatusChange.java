package io.retentioncenter.core.lead;

import io.retentioncenter.core.internal.Require;
import java.time.Instant;

/**
 * A lead's move from one status to another, kept for its timeline.
 *
 * @param id change id
 * @param leadId the lead
 * @param from status before
 * @param to status after
 * @param at when it moved
 */
public record LeadStatusChange(String id, String leadId, LeadStatus from, LeadStatus to, Instant at) {
    /** Validates. */
    public LeadStatusChange {
        Require.text(id, "id");
        Require.text(leadId, "leadId");
        Require.present(from, "from");
        Require.present(to, "to");
        Require.present(at, "at");
    }
}
