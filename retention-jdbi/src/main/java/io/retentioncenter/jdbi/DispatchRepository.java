package io.retentioncenter.jdbi;

import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.contact.DispatchCompletion;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

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
     * Ends a dispatch held by {@code completion.owner()}: replaces a DISPATCHING attempt (and fails
     * its step execution when asked), or, when a provider event moved it on meanwhile, keeps only the
     * provider name, reference and sent time. Without a failed step each statement stands alone, so
     * the usual completion costs one auto-committed statement.
     */
    boolean complete(DispatchCompletion completion) {
        HandleCallback<Boolean, RuntimeException> work = h -> finish(h, completion) || keepReference(h, completion);
        return completion.stepFailed() ? db.inTransaction("completeDispatch", work)
                : db.withHandle("completeDispatch", work);
    }

    private static boolean finish(Handle handle, DispatchCompletion completion) {
        ContactAttempt updated = completion.updated();
        if (AttemptRows.bind(handle.createUpdate(FINISH), updated).bind("owner", completion.owner()).execute() == 0) {
            return false;
        }
        if (completion.stepFailed()) {
            handle.createUpdate(FAIL_STEP).bind("id", updated.id()).execute();
        }
        return true;
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
