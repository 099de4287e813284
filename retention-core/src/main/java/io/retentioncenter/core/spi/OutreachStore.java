package io.retentioncenter.core.spi;

import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.contact.PaceState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Operator sends and per-lead pacing: test attempts, which touch no lead, and the pace reservation
 * every paced contact takes. A role of {@link RetentionStore}.
 */
public interface OutreachStore {
    /**
     * Inserts a test attempt (kind TEST) unless an attempt with its id or idempotency key exists; no
     * lead is read, counted or moved. Atomic.
     *
     * @return the attempt stored under the id: the new one, or the one a replay finds
     */
    ContactAttempt insertTestAttempt(ContactAttempt attempt);

    /**
     * Takes a paced contact of {@code leadId} at {@code at} if the lead's {@link PaceState} allows it
     * ({@link PaceState#allows}), recording it. Atomic per lead: under any concurrency, no two
     * contacts are taken inside {@code minGap} and no day gets more than {@code dailyCap}.
     *
     * @param dayStart the start of the day holding {@code at}, in the lead's pacing zone
     * @return empty when taken; otherwise the state that refused it
     */
    Optional<PaceState> tryReservePace(String leadId, Instant at, Instant dayStart, int dailyCap, Duration minGap);
}
