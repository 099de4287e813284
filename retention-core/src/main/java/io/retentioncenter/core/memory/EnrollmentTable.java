package io.retentioncenter.core.memory;

import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.SequenceEnrollment;
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
import java.util.stream.Stream;

/**
 * Enrollments by id, by lead and by sequence, with the due index of ACTIVE enrollments keyed by
 * ({@code nextExecuteAt}, id) that makes claims O(batch · log n). Not thread-safe: the store calls it
 * under its lock.
 */
final class EnrollmentTable {
    /** Oldest enrollment first. */
    static final Comparator<SequenceEnrollment> OLDEST_FIRST = Comparator.comparing(SequenceEnrollment::enrolledAt)
            .thenComparing(SequenceEnrollment::id);

    private final Map<String, SequenceEnrollment> byId = new HashMap<>();
    private final IdGroups byLead = new IdGroups();
    private final IdGroups bySequence = new IdGroups();
    private final NavigableSet<TimeKey> due = new TreeSet<>();
    private final TimeIndex enrolled = new TimeIndex();

    Optional<SequenceEnrollment> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Inserts or replaces an enrollment, touching only the indexes whose keys changed. */
    void put(SequenceEnrollment enrollment) {
        Optional<SequenceEnrollment> old = Optional.ofNullable(byId.put(enrollment.id(), enrollment));
        if (old.isEmpty() || !sameIdentity(old.get(), enrollment)) {
            old.ifPresent(this::unlink);
            byLead.add(enrollment.leadId(), enrollment.id());
            bySequence.add(enrollment.sequenceId(), enrollment.id());
            enrolled.add(enrollment.enrolledAt(), enrollment.id());
        }
        Optional<TimeKey> dueBefore = old.flatMap(EnrollmentTable::dueKey);
        Optional<TimeKey> dueAfter = dueKey(enrollment);
        if (!dueBefore.equals(dueAfter)) {
            dueBefore.ifPresent(due::remove);
            dueAfter.ifPresent(due::add);
        }
    }

    private void unlink(SequenceEnrollment old) {
        byLead.remove(old.leadId(), old.id());
        bySequence.remove(old.sequenceId(), old.id());
        enrolled.remove(old.enrolledAt(), old.id());
    }

    private static boolean sameIdentity(SequenceEnrollment a, SequenceEnrollment b) {
        return a.leadId().equals(b.leadId()) && a.sequenceId().equals(b.sequenceId())
                && a.enrolledAt().equals(b.enrolledAt());
    }

    /** The due-index key of an ACTIVE enrollment. */
    private static Optional<TimeKey> dueKey(SequenceEnrollment enrollment) {
        return enrollment.status() == EnrollmentStatus.ACTIVE
                ? Optional.of(new TimeKey(enrollment.nextExecuteAt(), enrollment.id()))
                : Optional.empty();
    }

    /** Enrollments of a lead, oldest first. */
    List<SequenceEnrollment> ofLead(String leadId) {
        return sorted(byLead.of(leadId));
    }

    /** Enrollments of a sequence, oldest first. */
    List<SequenceEnrollment> ofSequence(String sequenceId) {
        return sorted(bySequence.of(sequenceId));
    }

    /** Whether the sequence has any enrollment, in any status. */
    boolean anyOfSequence(String sequenceId) {
        return bySequence.any(sequenceId);
    }

    /** Every enrollment, oldest first. */
    Stream<SequenceEnrollment> all() {
        return enrolled.stream().map(key -> byId.get(key.id()));
    }

    /**
     * Up to {@code limit} ACTIVE enrollments due at {@code now} whose lease is free or expired,
     * earliest due first.
     */
    List<SequenceEnrollment> claimable(Instant now, int limit) {
        List<SequenceEnrollment> claimable = new ArrayList<>();
        for (TimeKey key : due) {
            if (key.at().isAfter(now) || claimable.size() == limit) {
                break;
            }
            SequenceEnrollment enrollment = byId.get(key.id());
            if (enrollment.leaseUntil().map(until -> !until.isAfter(now)).orElse(true)) {
                claimable.add(enrollment);
            }
        }
        return claimable;
    }

    /** The first {@code limit} ACTIVE enrollments by due time, leased or not. */
    List<SequenceEnrollment> nextDue(int limit) {
        return due.stream().limit(limit).map(key -> byId.get(key.id())).toList();
    }

    TimeIndex enrolledIndex() {
        return enrolled;
    }

    private List<SequenceEnrollment> sorted(Collection<String> ids) {
        return ids.stream().map(byId::get).sorted(OLDEST_FIRST).toList();
    }

    /** A copy of {@code enrollment} leased to {@code owner} until {@code until}. */
    static SequenceEnrollment leased(SequenceEnrollment e, String owner, Instant until) {
        return new SequenceEnrollment(e.id(), e.sequenceId(), e.leadId(), e.campaignId(), e.status(), e.exitReason(),
                e.currentStep(), e.nextExecuteAt(), e.completedSteps(), e.enrolledAt(), e.completedAt(),
                e.lastStepAt(), Optional.of(owner), Optional.of(until), e.updatedAt());
    }

    /** A copy of {@code enrollment} without lease. */
    static SequenceEnrollment released(SequenceEnrollment e) {
        return e.leaseOwner().isEmpty() && e.leaseUntil().isEmpty() ? e
                : new SequenceEnrollment(e.id(), e.sequenceId(), e.leadId(), e.campaignId(), e.status(),
                        e.exitReason(), e.currentStep(), e.nextExecuteAt(), e.completedSteps(), e.enrolledAt(),
                        e.completedAt(), e.lastStepAt(), Optional.empty(), Optional.empty(), e.updatedAt());
    }
}
