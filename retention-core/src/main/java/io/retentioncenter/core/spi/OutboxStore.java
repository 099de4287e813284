package io.retentioncenter.core.spi;

import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.contact.AttemptChange;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.contact.DispatchCompletion;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Contact attempts and the outbox: inserts under the contact limit, lookups, dispatch claims under a
 * lease, completions, provider-event changes, rate-limit windows and processed-event keys. A role of
 * {@link RetentionStore}.
 */
public interface OutboxStore {
    /**
     * Inserts an attempt outside a sequence step (direct route, re-engagement, callback) if the lead
     * is contactable and has fewer than {@code contactLimit} attempts, incrementing its contact count and
     * moving a NEW or IN_PROGRESS lead to CONTACTED. Atomic; an attempt whose idempotency key exists
     * already is not inserted again.
     *
     * @return true when inserted
     */
    boolean insertAttempt(ContactAttempt attempt, int contactLimit);

    /** The attempt with {@code id}. */
    Optional<ContactAttempt> findAttempt(String id);

    /** The attempt that provider {@code provider} knows as {@code providerRef}. */
    Optional<ContactAttempt> findAttemptByProviderRef(String provider, String providerRef);

    /** The lead's most recent dispatched attempt on {@code channel}. */
    Optional<ContactAttempt> latestAttempt(String leadId, Channel channel);

    /** Attempts of the given enrollments, keyed by enrollment id (one round trip). */
    Map<String, List<ContactAttempt>> attemptsOfEnrollments(Collection<String> enrollmentIds);

    /** Attempts of a lead, oldest first. */
    List<ContactAttempt> attemptsOfLead(String leadId);

    /** One page of the attempts in {@code status}, oldest first, with their total. */
    Page<ContactAttempt> listAttempts(AttemptStatus status, PageRequest page);

    /**
     * Puts an UNKNOWN attempt back in the outbox as {@code next} (PENDING, with the next try number
     * and a new idempotency key), only while it is still UNKNOWN. Atomic.
     *
     * @return false when the attempt is no longer UNKNOWN (nothing changed)
     * @throws io.retentioncenter.core.NotFoundException when the attempt does not exist
     */
    boolean reopenUnknownAttempt(ContactAttempt next);

    /**
     * Claims up to {@code limit} SCHEDULED or PENDING attempts with {@code dueAt <= now}, moving them
     * to DISPATCHING under a dispatch lease ({@code owner}, {@code leaseUntil}). Atomic: an attempt is
     * claimed by one dispatcher only; a CANCELLED attempt is never claimed.
     */
    List<ContactAttempt> claimDispatchable(Instant now, int limit, String owner, Instant leaseUntil);

    /**
     * Claims up to {@code limit} DISPATCHING attempts whose dispatch lease expired before {@code now}
     * (their dispatcher died), renewing the lease for {@code owner}. The caller then re-sends them
     * (idempotent providers) or marks them UNKNOWN.
     */
    List<ContactAttempt> claimStaleDispatches(Instant now, int limit, String owner, Instant leaseUntil);

    /**
     * Ends a dispatch if the attempt is still DISPATCHING under {@code completion.owner()}: replaces
     * it with {@code completion.updated()} and, if {@code stepFailed}, marks its step execution
     * FAILED. If a provider event already moved the attempt forward, only the provider name,
     * reference and sent time are kept. Atomic.
     *
     * @return false when the dispatcher no longer held the attempt (nothing changed)
     */
    default boolean completeDispatch(DispatchCompletion completion) {
        return completeDispatches(List.of(io.retentioncenter.core.internal.Require.present(completion, "completion"))).get(0);
    }

    /**
     * Ends several dispatches as {@link #completeDispatch} does, in one unit of work: either every
     * completion is applied (each only if its dispatcher still held the attempt) or, on a storage
     * failure, none is, and the attempts stay DISPATCHING until their lease expires.
     *
     * @return one flag per completion, in order: false when its dispatcher no longer held the attempt
     */
    List<Boolean> completeDispatches(List<DispatchCompletion> completions);

    /**
     * Applies a provider event's change if the attempt's status can advance to it (compare-and-set);
     * late or duplicate events change nothing. A change whose status cannot apply still attaches its
     * transcript and keywords when the attempt has none yet (a call's end-of-call report arrives after
     * the status update that ended it). An existing provider reference is kept.
     *
     * @return the attempt after the change, or empty when nothing changed
     * @throws io.retentioncenter.core.NotFoundException when the attempt does not exist
     */
    Optional<ContactAttempt> advanceAttempt(AttemptChange change, Instant at);

    /**
     * Reserves one send in the rate-limit window starting at {@code windowStart} for campaign and
     * channel, if fewer than {@code max} are reserved. Atomic: never more than {@code max} per window.
     */
    boolean tryReserveRate(String campaignId, Channel channel, Instant windowStart, int max);

    /**
     * Records that an inbound event with this key was processed. Atomic.
     *
     * @return false when the key was recorded before (a replay)
     */
    boolean markEventProcessed(String eventKey, Instant at);
}
