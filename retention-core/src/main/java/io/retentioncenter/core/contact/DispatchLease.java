package io.retentioncenter.core.contact;

import io.retentioncenter.core.internal.Require;
import java.time.Instant;

/**
 * A dispatcher's claim on attempts it is about to send, as {@code claimDispatchable} sets it.
 *
 * @param owner the dispatcher (engine instance)
 * @param now the claim time: attempts due by then are claimed
 * @param until when the lease ends
 */
public record DispatchLease(String owner, Instant now, Instant until) {
    /** Validates. */
    public DispatchLease {
        Require.text(owner, "owner");
        Require.present(now, "now");
        Require.present(until, "until");
    }

    /** Whether an attempt is inserted under this lease: it is PENDING and due by {@link #now}. */
    public boolean covers(ContactAttempt attempt) {
        return attempt.status() == AttemptStatus.PENDING && !attempt.dueAt().isAfter(now);
    }

    /** {@code attempt} as a claim under this lease leaves it: DISPATCHING, changed at {@link #now}. */
    public ContactAttempt claimed(ContactAttempt attempt) {
        return attempt.withStatus(AttemptStatus.DISPATCHING, now);
    }
}
