package io.retentioncenter.jdbi;

import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.contact.DispatchCompletion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

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
    /** What a dispatch changes, for attempts still DISPATCHING under the row's owner: key, owner, then the columns set. */
    private static final BulkRows FINISH = BulkRows.of("<schema>rc_attempt", "id:TEXT", "dispatch_owner:TEXT",
            "status:TEXT", "try_number:INT", "idempotency_key:TEXT", "due_at:TIME", "provider:TEXT", "provider_ref:TEXT",
            "sent_at:TIME", "error:TEXT", "updated_at:TIME");
    private static final String KEEP_REFERENCE = "UPDATE <schema>rc_attempt SET provider = COALESCE(:provider, provider),"
            + " provider_ref = COALESCE(:providerRef, provider_ref), sent_at = COALESCE(:sentAt, sent_at),"
            + " updated_at = CASE WHEN updated_at > :updatedAt THEN updated_at ELSE :updatedAt END,"
            + " dispatch_owner = NULL, dispatch_until = NULL"
            + " WHERE id = :id AND dispatch_owner = :owner AND status <> 'DISPATCHING'";
    private static final String FAIL_STEPS = "UPDATE <schema>rc_execution SET status = 'FAILED'"
            + " WHERE attempt_id = ANY(:ids)";

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
     * Ends dispatches held by their {@code owner}s in one transaction: one statement writes what a
     * dispatch changes (status, try number, idempotency key, due time, provider, reference, sent time,
     * error, update time; the rest of the attempt stays as created) into the attempts still DISPATCHING
     * under their owner, and one more fails their steps where asked; an attempt that a provider event
     * moved on meanwhile keeps only the provider name, reference and sent time. Of several completions
     * of one attempt in a call, only the first can apply.
     * Run again on a fresh connection when the connection is lost: if the first run's commit landed,
     * the attempts are no longer DISPATCHING under {@code owner} and the rerun reports them false.
     */
    List<Boolean> completeAll(List<DispatchCompletion> completions) {
        if (completions.isEmpty()) {
            return List.of();
        }
        return db.inTransaction("completeDispatches", Database.Retry.ON_CONFLICT_OR_LOST_CONNECTION, h -> {
            Map<String, DispatchCompletion> firsts = new LinkedHashMap<>();
            completions.forEach(c -> firsts.putIfAbsent(c.updated().id(), c));
            Set<String> finished = new HashSet<>(FINISH.update(h, db.dialect(), 1,
                    "dispatch_owner = NULL, dispatch_until = NULL", "t.status = 'DISPATCHING'",
                    firsts.values().stream().map(DispatchRepository::row).toList()));
            List<String> failedSteps = new ArrayList<>();
            List<Boolean> done = new ArrayList<>(completions.size());
            for (DispatchCompletion c : completions) {
                String id = c.updated().id();
                if (firsts.get(id) != c) {
                    done.add(false);
                } else if (finished.contains(id)) {
                    done.add(true);
                    if (c.stepFailed()) {
                        failedSteps.add(id);
                    }
                } else {
                    done.add(keepReference(h, c));
                }
            }
            if (!failedSteps.isEmpty()) {
                h.createUpdate(FAIL_STEPS).bind("ids", failedSteps.toArray(String[]::new)).execute();
            }
            return done;
        });
    }

    private static Object[] row(DispatchCompletion c) {
        ContactAttempt a = c.updated();
        return new Object[] {a.id(), c.owner(), a.status().name(), a.tryNumber(), a.idempotencyKey(), a.dueAt(),
            a.provider().orElse(null), a.providerRef().orElse(null), a.sentAt().orElse(null), a.error().orElse(null),
            a.updatedAt()};
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
