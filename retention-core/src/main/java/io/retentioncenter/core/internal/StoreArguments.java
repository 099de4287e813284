package io.retentioncenter.core.internal;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.StepOutcome;
import io.retentioncenter.core.spi.DashboardReads;
import io.retentioncenter.core.spi.RetentionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The argument rules of {@link RetentionStore} that go beyond presence, shared by every store so
 * that each rejects the same calls with the same {@link ValidationException}.
 */
public final class StoreArguments {
    private StoreArguments() {
    }

    /** A final enrollment status for {@code endOutreach}. */
    public static EnrollmentStatus finalStatus(EnrollmentStatus status) {
        if (!Require.present(status, "enrollmentStatus").isFinal()) {
            throw new ValidationException("enrollmentStatus", "must be COMPLETED, CONVERTED or EXITED, was " + status);
        }
        return status;
    }

    /** A lead cap that is absent or not negative. */
    public static Optional<Integer> cap(Optional<Integer> cap) {
        if (Require.present(cap, "cap").map(max -> max < 0).orElse(false)) {
            throw new ValidationException("cap", "must not be negative, was " + cap.get());
        }
        return cap;
    }

    /**
     * An attempt to reopen after an unknown outcome: PENDING with a new idempotency key.
     *
     * @return {@code next}
     */
    public static ContactAttempt reopened(ContactAttempt next) {
        Require.present(next, "next");
        if (next.status() != AttemptStatus.PENDING) {
            throw new ValidationException("next.status", "must be PENDING, was " + next.status());
        }
        return next;
    }

    /** An enrollment to insert (ACTIVE or PAUSED) and a cooldown that is not negative. */
    public static void enrollment(SequenceEnrollment enrollment, Duration cooldown) {
        Require.present(enrollment, "enrollment");
        if (enrollment.status().isFinal()) {
            throw new ValidationException("enrollment.status", "must be ACTIVE or PAUSED, was " + enrollment.status());
        }
        if (Require.present(cooldown, "cooldown").isNegative()) {
            throw new ValidationException("cooldown", "must not be negative");
        }
    }

    /** Step outcomes to record: none null, a positive contact limit where an attempt is inserted. */
    public static List<StepOutcome> outcomes(List<StepOutcome> outcomes) {
        Require.present(outcomes, "outcomes");
        for (int i = 0; i < outcomes.size(); i++) {
            StepOutcome outcome = Require.present(outcomes.get(i), "outcomes[" + i + "]");
            if (outcome.attempt().isPresent()) {
                Require.positive(outcome.contactLimit(), "outcomes[" + i + "].contactLimit");
            }
        }
        return outcomes;
    }

    /** A claim's arguments: a positive limit, an owner and a lease ending after {@code now}; returns the owner. */
    public static String claim(Instant now, int limit, String owner, Instant leaseUntil) {
        Require.present(now, "now");
        Require.positive(limit, "limit");
        String holder = Require.text(owner, "owner");
        if (!Require.present(leaseUntil, "leaseUntil").isAfter(now)) {
            throw new ValidationException("leaseUntil", "must be after now");
        }
        return holder;
    }

    /**
     * Checks the bucket boundaries of {@link DashboardReads#activityIn}: 2 to
     * {@link DashboardReads#MAX_BUCKETS} + 1 of them, strictly increasing, multiples of
     * {@link DashboardReads#SLOT}; returns a copy.
     */
    public static List<Instant> buckets(List<Instant> boundaries) {
        Require.present(boundaries, "boundaries");
        if (boundaries.size() < 2 || boundaries.size() > DashboardReads.MAX_BUCKETS + 1) {
            throw new ValidationException("boundaries", "needs 2 to " + (DashboardReads.MAX_BUCKETS + 1)
                    + " instants, got " + boundaries.size());
        }
        long slot = DashboardReads.SLOT.toMillis();
        List<Instant> copy = new ArrayList<>(boundaries.size());
        for (Instant at : boundaries) {
            Require.present(at, "boundaries[]");
            if (Math.floorMod(at.toEpochMilli(), slot) != 0 || at.getNano() % 1_000_000 != 0) {
                throw new ValidationException("boundaries", "must be multiples of " + DashboardReads.SLOT + ", was " + at);
            }
            if (!copy.isEmpty() && !at.isAfter(copy.get(copy.size() - 1))) {
                throw new ValidationException("boundaries", "must increase strictly");
            }
            copy.add(at);
        }
        return List.copyOf(copy);
    }
}
