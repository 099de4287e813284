package io.retentioncenter.jdbi;

import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExitReason;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** Ends a lead's outreach inside a caller's transaction that holds the lead's row lock. */
final class Outreach {
    private Outreach() {
    }

    /**
     * Moves the lead's ACTIVE and PAUSED enrollments to {@code status} with {@code reason} (releasing
     * their leases, so a tick holding one finds its outcome STALE) and cancels its SCHEDULED and
     * PENDING attempts.
     *
     * @return the number of enrollments that ended
     */
    static int stop(Handle handle, String leadId, EnrollmentStatus status, ExitReason reason, Instant at) {
        int ended = handle.createUpdate(EnrollmentRows.END_OF_LEAD)
                .bind("leadId", leadId)
                .bind("status", status.name())
                .bind("reason", reason.name())
                .bindByType("at", at, Instant.class)
                .execute();
        handle.createUpdate(AttemptRows.CANCEL_OF_LEAD)
                .bind("leadId", leadId)
                .bindByType("at", at, Instant.class)
                .execute();
        return ended;
    }
}
