package io.retentioncenter.core.memory;

import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.ContactAttempt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Attempts by id, lead, enrollment, idempotency key, provider reference and A/B test, with the outbox
 * index of undispatched attempts keyed by ({@code dueAt}, id) and the dispatch leases of DISPATCHING
 * attempts keyed by expiry. Leases live here, not in the record. Not thread-safe: the store calls it
 * under its lock.
 */
final class AttemptTable {
    /** Oldest attempt first. */
    static final Comparator<ContactAttempt> OLDEST_FIRST = Comparator.comparing(ContactAttempt::createdAt)
            .thenComparing(ContactAttempt::id);

    private final Map<String, ContactAttempt> byId = new HashMap<>();
    private final IdGroups byLead = new IdGroups();
    private final IdGroups byEnrollment = new IdGroups();
    private final IdGroups byAbTest = new IdGroups();
    private final Map<String, String> byIdempotencyKey = new HashMap<>();
    private final Map<ProviderRef, String> byProviderRef = new HashMap<>();
    private final NavigableSet<TimeKey> outbox = new TreeSet<>();
    private final TimeIndex created = new TimeIndex();
    private final Map<String, DispatchLease> leases = new HashMap<>();
    private final Map<String, TimeKey> leaseExpiryKeys = new HashMap<>();
    private final NavigableSet<TimeKey> leaseExpiry = new TreeSet<>();

    /** Who holds a dispatch and until when. */
    private record DispatchLease(String owner, Instant until) {
    }

    /** A provider's name for an attempt. */
    private record ProviderRef(String provider, String ref) {
    }

    Optional<ContactAttempt> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The attempt stored under idempotency key {@code key}. */
    Optional<ContactAttempt> byKey(String key) {
        return Optional.ofNullable(byIdempotencyKey.get(key)).map(byId::get);
    }

    /** Whether an attempt with the same id or the same idempotency key is stored. */
    boolean holds(ContactAttempt attempt) {
        return byId.containsKey(attempt.id()) || byIdempotencyKey.containsKey(attempt.idempotencyKey());
    }

    /** Inserts or replaces an attempt, touching only the indexes whose keys changed. */
    void put(ContactAttempt attempt) {
        ContactAttempt old = byId.put(attempt.id(), attempt);
        String id = attempt.id();
        if (old == null || !old.leadId().equals(attempt.leadId())) {
            if (old != null) {
                byLead.remove(old.leadId(), id);
            }
            byLead.add(attempt.leadId(), id);
        }
        if (old == null || !old.enrollmentId().equals(attempt.enrollmentId())) {
            if (old != null) {
                old.enrollmentId().ifPresent(e -> byEnrollment.remove(e, id));
            }
            attempt.enrollmentId().ifPresent(e -> byEnrollment.add(e, id));
        }
        if (old == null || !old.abTestId().equals(attempt.abTestId())) {
            if (old != null) {
                old.abTestId().ifPresent(t -> byAbTest.remove(t, id));
            }
            attempt.abTestId().ifPresent(t -> byAbTest.add(t, id));
        }
        if (old == null || !old.idempotencyKey().equals(attempt.idempotencyKey())) {
            if (old != null) {
                byIdempotencyKey.remove(old.idempotencyKey(), id);
            }
            byIdempotencyKey.put(attempt.idempotencyKey(), id);
        }
        Optional<ProviderRef> ref = providerRef(attempt);
        if (old != null) {
            providerRef(old).filter(oldRef -> !ref.equals(Optional.of(oldRef)))
                    .ifPresent(oldRef -> byProviderRef.remove(oldRef, id));
        }
        ref.ifPresent(r -> byProviderRef.put(r, id));
        if (old == null || !old.createdAt().equals(attempt.createdAt())) {
            if (old != null) {
                created.remove(old.createdAt(), id);
            }
            created.add(attempt.createdAt(), id);
        }
        Optional<TimeKey> outboxBefore = old == null ? Optional.empty() : outboxKey(old);
        Optional<TimeKey> outboxAfter = outboxKey(attempt);
        if (!outboxBefore.equals(outboxAfter)) {
            outboxBefore.ifPresent(outbox::remove);
            outboxAfter.ifPresent(outbox::add);
        }
        if (attempt.status() == AttemptStatus.DISPATCHING) {
            trackExpiry(id);
        } else {
            untrackExpiry(id);
        }
    }

    /** The outbox key of an undispatched attempt. */
    private static Optional<TimeKey> outboxKey(ContactAttempt attempt) {
        return attempt.status().isUndispatched() ? Optional.of(new TimeKey(attempt.dueAt(), attempt.id()))
                : Optional.empty();
    }

    private static Optional<ProviderRef> providerRef(ContactAttempt attempt) {
        return attempt.provider().flatMap(p -> attempt.providerRef().map(ref -> new ProviderRef(p, ref)));
    }

    /** Attempts of a lead, oldest first. */
    /** The attempts in {@code status}, oldest first. */
    List<ContactAttempt> withStatus(AttemptStatus status) {
        return byId.values().stream().filter(a -> a.status() == status).sorted(OLDEST_FIRST).toList();
    }

    List<ContactAttempt> ofLead(String leadId) {
        return sorted(byLead.of(leadId));
    }

    /** Attempts of an enrollment, oldest first. */
    List<ContactAttempt> ofEnrollment(String enrollmentId) {
        return sorted(byEnrollment.of(enrollmentId));
    }

    /** Attempts that belong to an A/B test. */
    List<ContactAttempt> ofAbTest(String testId) {
        return sorted(byAbTest.of(testId));
    }

    /** The attempt provider {@code provider} knows as {@code ref}. */
    Optional<ContactAttempt> byProviderRef(String provider, String ref) {
        return Optional.ofNullable(byProviderRef.get(new ProviderRef(provider, ref))).flatMap(this::find);
    }

    /** Up to {@code limit} SCHEDULED or PENDING attempts due at {@code now}, earliest due first. */
    List<ContactAttempt> dispatchable(Instant now, int limit) {
        List<ContactAttempt> due = new ArrayList<>();
        for (TimeKey key : outbox) {
            if (key.at().isAfter(now) || due.size() == limit) {
                break;
            }
            due.add(byId.get(key.id()));
        }
        return due;
    }

    /** Up to {@code limit} DISPATCHING attempts whose lease expired at or before {@code now}, oldest lease first. */
    List<ContactAttempt> staleDispatches(Instant now, int limit) {
        List<ContactAttempt> stale = new ArrayList<>();
        for (TimeKey key : leaseExpiry) {
            if (key.at().isAfter(now) || stale.size() == limit) {
                break;
            }
            stale.add(byId.get(key.id()));
        }
        return stale;
    }

    /** Gives the dispatch of attempt {@code id} to {@code owner} until {@code until}. */
    void lease(String id, String owner, Instant until) {
        leases.put(id, new DispatchLease(owner, until));
        if (leaseExpiryKeys.containsKey(id)) {
            trackExpiry(id);
        }
    }

    /** Whether {@code owner} holds the dispatch lease of attempt {@code id} (expired or not). */
    boolean leasedBy(String id, String owner) {
        DispatchLease lease = leases.get(id);
        return lease != null && lease.owner().equals(owner);
    }

    /** Drops the dispatch lease of attempt {@code id}. */
    void release(String id) {
        leases.remove(id);
        if (leaseExpiryKeys.containsKey(id)) {
            trackExpiry(id);
        }
    }

    /** Indexes a DISPATCHING attempt by lease expiry; one without lease is stale at once. */
    private void trackExpiry(String id) {
        DispatchLease lease = leases.get(id);
        TimeKey key = new TimeKey(lease == null ? Instant.MIN : lease.until(), id);
        TimeKey before = leaseExpiryKeys.put(id, key);
        if (!key.equals(before)) {
            if (before != null) {
                leaseExpiry.remove(before);
            }
            leaseExpiry.add(key);
        }
    }

    private void untrackExpiry(String id) {
        TimeKey key = leaseExpiryKeys.remove(id);
        if (key != null) {
            leaseExpiry.remove(key);
        }
    }

    TimeIndex createdIndex() {
        return created;
    }

    private List<ContactAttempt> sorted(Collection<String> ids) {
        return ids.stream().map(byId::get).sorted(OLDEST_FIRST).toList();
    }
}
