package io.retentioncenter.jdbi;

import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.StoreException;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadInsertResult;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExitReason;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;

/**
 * Leads: dedupe on insert through the unique email and phone indexes, lookups, and status changes
 * under the lead's row lock.
 */
final class LeadRepository {
    private static final String LOCK = "SELECT * FROM <schema>rc_lead WHERE id = :id FOR UPDATE";
    private static final String UPDATE_STATUS = "UPDATE <schema>rc_lead SET status = :status, updated_at = :at"
            + " WHERE id = :id";

    private final Database db;

    LeadRepository(Database db) {
        this.db = db;
    }

    /**
     * Inserts {@code candidate} unless its id, email or phone is taken; the unique indexes decide,
     * so concurrent inserts of one person create one lead, and the loser reads the winner's row. Two
     * such inserts can deadlock on the email and phone indexes (PostgreSQL's speculative insertion);
     * the loser's work is rolled back whole and run again.
     */
    LeadInsertResult insertIfAbsent(Lead candidate) {
        return db.inTransaction("insertLeadIfAbsent", h -> insertIfAbsent(h, candidate));
    }

    /** {@link #insertIfAbsent(Lead)} on an open handle (in its transaction, if any). */
    LeadInsertResult insertIfAbsent(Handle handle, Lead candidate) {
        if (db.dialect().insertIfAbsent(handle, LeadRows.INSERT, u -> LeadRows.bind(u, candidate)) == 1) {
            return new LeadInsertResult(candidate, true);
        }
        List<Lead> found = handle.attach(LeadQueries.class).duplicates(candidate.id(),
                candidate.email().orElse(null), candidate.phone().orElse(null));
        return new LeadInsertResult(duplicateOf(found, candidate)
                .orElseThrow(() -> new StoreException("lead insert conflicted but no duplicate is visible")), false);
    }

    /** The lead among {@code found} that {@code candidate} duplicates: same id first, then email, then phone. */
    static Optional<Lead> duplicateOf(List<Lead> found, Lead candidate) {
        return pick(found, lead -> lead.id().equals(candidate.id()))
                .or(() -> pick(found, lead -> lead.email().isPresent() && lead.email().equals(candidate.email())))
                .or(() -> pick(found, lead -> lead.phone().isPresent() && lead.phone().equals(candidate.phone())));
    }

    private static Optional<Lead> pick(List<Lead> leads, Predicate<Lead> test) {
        return leads.stream().filter(test).findFirst();
    }

    Optional<Lead> find(String id) {
        return db.read("findLead", LeadQueries.class, q -> q.find(id));
    }

    Map<String, Lead> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Lead> byId = new LinkedHashMap<>();
        db.read("findLeads", LeadQueries.class, q -> q.findAll(ids.toArray(String[]::new)))
                .forEach(lead -> byId.put(lead.id(), lead));
        return byId;
    }

    Optional<Lead> byExternalId(String externalId) {
        return db.read("findLeadByExternalId", LeadQueries.class, q -> q.byExternalId(externalId));
    }

    /** The lead with this email, else the lead with this phone. */
    Optional<Lead> byAddress(String address) {
        List<Lead> found = db.read("findLeadByAddress", LeadQueries.class, q -> q.byAddress(address));
        return pick(found, lead -> lead.email().equals(Optional.of(address)))
                .or(() -> pick(found, lead -> lead.phone().equals(Optional.of(address))));
    }

    Page<Lead> page(PageRequest page) {
        return db.read("listLeads", LeadQueries.class,
                q -> new Page<>(q.page(page.offset(), page.limit()), page.offset(), q.count()));
    }

    /** Moves the lead to {@code next} under its row lock; the state machine decides. */
    Lead updateStatus(String leadId, LeadStatus next, Instant at) {
        return db.inTransaction("updateLeadStatus", h -> moveLocked(h, leadId, lead -> lead.withStatus(next, at)));
    }

    /** Moves the lead to {@code status} and stops its outreach, in one transaction under its row lock. */
    int endOutreach(String leadId, LeadStatus status, EnrollmentStatus enrollmentStatus, ExitReason reason,
            Instant at) {
        return db.inTransaction("endOutreach", h -> {
            moveLocked(h, leadId, lead -> lead.withStatus(status, at));
            return Outreach.stop(h, leadId, enrollmentStatus, reason, at);
        });
    }

    static Lead moveLocked(Handle handle, String leadId, Function<Lead, Lead> move) {
        Lead current = lock(handle, leadId).orElseThrow(() -> new NotFoundException("lead", leadId));
        Lead moved = move.apply(current);
        writeStatus(handle, current.status(), moved);
        return moved;
    }

    /** Reads the lead and locks its row until the transaction ends. */
    static Optional<Lead> lock(Handle handle, String leadId) {
        return handle.createQuery(LOCK).bind("id", leadId).mapTo(Lead.class).findOne();
    }

    /** Writes the lead's status and update time, and the move from {@code previous} if the status changed. */
    static void writeStatus(Handle handle, LeadStatus previous, Lead lead) {
        handle.createUpdate(UPDATE_STATUS)
                .bind("id", lead.id())
                .bind("status", lead.status().name())
                .bindByType("at", lead.updatedAt(), Instant.class)
                .execute();
        LeadStatusChanges.write(handle, lead.id(), previous, lead.status(), lead.updatedAt());
    }
}
