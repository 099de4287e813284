package io.retentioncenter.jdbi;

import io.retentioncenter.core.lead.LeadStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The part of a lead that recording an attempt reads and changes: status and contact count, read
 * under the lead's row lock.
 *
 * @param id lead id
 * @param status lead status
 * @param contactCount attempts recorded so far
 * @param updatedAt last change
 */
record LeadContact(String id, LeadStatus status, int contactCount, Instant updatedAt) {
    /** Locks leads in id order, the order every unit of work locks them in. */
    private static final String LOCK = "SELECT id, status, contact_count, updated_at FROM <schema>rc_lead"
            + " WHERE id = ANY(:ids) ORDER BY id FOR UPDATE";
    /** Writes a changed contact state; binds with {@link #bind}. */
    static final String UPDATE = "UPDATE <schema>rc_lead SET status = :status, contact_count = :contactCount,"
            + " updated_at = :updatedAt WHERE id = :id";

    /** Reads and locks the contact state of the leads with {@code ids}, keyed by id; missing leads are absent. */
    static Map<String, LeadContact> lock(Handle handle, String... ids) {
        Map<String, LeadContact> leads = new HashMap<>();
        handle.createQuery(LOCK).bind("ids", ids)
                .map((rs, ctx) -> new LeadContact(rs.getString("id"), Columns.enumValue(rs, "status", LeadStatus.class),
                        rs.getInt("contact_count"), Columns.instant(rs, "updated_at")))
                .forEach(lead -> leads.put(lead.id(), lead));
        return leads;
    }

    /** Whether the lead may get another attempt under {@code contactLimit}. */
    boolean contactable(int contactLimit) {
        return status.contactable() && contactCount < contactLimit;
    }

    /** One more contact at {@code at}; a NEW or IN_PROGRESS lead becomes CONTACTED. */
    LeadContact contacted(Instant at) {
        LeadStatus next = status == LeadStatus.NEW || status == LeadStatus.IN_PROGRESS ? LeadStatus.CONTACTED : status;
        return new LeadContact(id, next, contactCount + 1, at);
    }

    /** Binds this state to the named parameters of {@link #UPDATE}. */
    <S extends SqlStatement<S>> S bind(S statement) {
        return statement.bind("id", id)
                .bind("status", status.name())
                .bind("contactCount", contactCount)
                .bindByType("updatedAt", updatedAt, Instant.class);
    }
}
