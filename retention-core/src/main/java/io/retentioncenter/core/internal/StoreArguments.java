package io.retentioncenter.core.internal;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.spi.DashboardReads;
import io.retentioncenter.core.spi.RetentionStore;
import java.time.Duration;
import java.time.Instant;
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

    /** Checks a range of counting slots: both ends present, slot starts, {@code from <= to}. */
    public static void slots(Instant from, Instant to) {
        long slot = DashboardReads.SLOT.toMillis();
        Require.present(from, "from");
        Require.present(to, "to");
        if (Math.floorMod(from.toEpochMilli(), slot) != 0 || Math.floorMod(to.toEpochMilli(), slot) != 0
                || from.getNano() % 1_000_000 != 0 || to.getNano() % 1_000_000 != 0) {
            throw new ValidationException("from", "both ends must be starts of " + DashboardReads.SLOT + " slots");
        }
        if (to.isBefore(from)) {
            throw new ValidationException("to", "must not be before from");
        }
    }
}
