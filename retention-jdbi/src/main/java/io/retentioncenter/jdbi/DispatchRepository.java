package io.retentioncenter.jdbi;

import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.contact.DispatchCompletion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The outbox: claims of due attempts under a dispatch lease ({@code dispatch_owner},
 * {@code dispatch_until}), re-claims of dispatches whose lease expired, and the end of a dispatch.
 * A lease is valid while {@code now < dispatch_until}; its owner keeps it until someone else claims it.
 */
final class DispatchRepository {
    private static final Claim DISPATCHABLE = new Claim("<schema>rc_attempt", "status = 'DISPATCHING',"
            + " dispatch_owner = :owner, dispatch_until = :leaseUntil, updated_at = :now",
            "status IN ('SCHEDULED', 'PENDING') AND due_at <= :now", "due_at", false);
    private static final Claim STALE = new Claim("<schema>rc_attempt",
            "dispatch_owner = :owner, dispatch_until = :leaseUntil",
            "status = 'DISPATCHING' AND (dispatch_until IS NULL OR dispatch_until <= :now)", "dispatch_until", true);
    private static final String FINISH = AttemptRows.REPLACE + " AND status = 'DISPATCHING' AND dispatch_owner = :owner";
    private static final String KEEP_REFERENCE = "UPDATE <schema>rc_attempt SET provider = COALESCE(:provider, provider),"
            + " provider_ref = COALESCE(:providerRef, provider_ref), sent_at = COALESCE(:sentAt, sent_at),"
            + " updated_at = CASE WHEN updated_at > :updatedAt THEN updated_at ELSE :updatedAt END,"
            + " dispatch_owner = NULL, dispatch_until = NULL"
            + " WHERE id = :id AND dispatch_owner = :owner AND status <> 'DISPATCHING'";
    private static final String FAIL_STEP = "UPDATE <schema>rc_execution SET status = 'FAILED' WHERE attempt_id = :id";

    private final Database db;

    DispatchRepository(Database db) {
        this.db = db;
    }

    /**
     * Moves due SCHEDULED and PENDING attempts to DISPATCHING for {@code owner}, earliest due first;
     * a CANCELLED attempt never matches.
     */
    List<ContactAttempt> claimDispatchable(Instant now, int limit, String owner, Instant leaseUntil) {
        return db.dialect().claim(db, "claimDispatchable", DISPATCHABLE, new Claim.Arguments(now, limit, owner,
                leaseUntil), ContactAttempt.class, ContactAttempt::id);
    }

    /**
     * Renews expired dispatch leases for {@code owner}, oldest lease first; a DISPATCHING attempt
     * without lease counts as expired longest.
     */
    List<ContactAttempt> claimStale(Instant now, int limit, String owner, Instant leaseUntil) {
        return db.dialect().claim(db, "claimStaleDispatches", STALE, new Claim.Arguments(now, limit, owner,
                leaseUntil), ContactAttempt.class, ContactAttempt::id);
    }

    /**
     * Ends dispatches held by their {@code owner}s in one transaction: one batched replace of the
     * DISPATCHING attempts (and one batched update of the step executions to fail); an attempt that
     * a provider event moved on meanwhile keeps only the provider name, reference and sent time.
     * Run again on a fresh connection when the connection is lost: if the first run's commit landed,
     * the attempts are no longer DISPATCHING under {@code owner} and the rerun reports them false.
     */
    List<Boolean> completeAll(List<DispatchCompletion> completions) {
        if (completions.isEmpty()) {
            return List.of();
        }
        return db.inTransaction("completeDispatches", Database.Retry.ON_CONFLICT_OR_LOST_CONNECTION, h -> {
            PreparedBatch finish = h.prepareBatch(FINISH);
            for (DispatchCompletion c : completions) {
                AttemptRows.bind(finish, c.updated()).bind("owner", c.owner()).add();
            }
            int[] finished = finish.execute();
            PreparedBatch failSteps = h.prepareBatch(FAIL_STEP);
            List<Boolean> done = new ArrayList<>(completions.size());
            for (int i = 0; i < completions.size(); i++) {
                DispatchCompletion c = completions.get(i);
                if (finished[i] > 0) {
                    done.add(true);
                    if (c.stepFailed()) {
                        failSteps.bind("id", c.updated().id()).add();
                    }
                } else {
                    done.add(keepReference(h, c));
                }
            }
            if (failSteps.size() > 0) {
                failSteps.execute();
            }
            return done;
        });
    }

    private static boolean keepReference(Handle handle, DispatchCompletion completion) {
        ContactAttempt updated = completion.updated();
        return handle.createUpdate(KEEP_REFERENCE)
                .bind("id", updated.id())
                .bind("owner", completion.owner())
                .bind("provider", updated.provider().orElse(null))
                .bind("providerRef", updated.providerRef().orElse(null))
                .bindByType("sentAt", updated.sentAt().orElse(null), Instant.class)
                .bindByType("updatedAt", updated.updatedAt(), Instant.class)
                .execute() == 1;
    }
}
