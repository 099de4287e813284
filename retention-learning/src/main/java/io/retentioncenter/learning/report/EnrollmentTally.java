package io.retentioncenter.learning.report;

import io.retentioncenter.core.fact.EnrollmentFact;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExitReason;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * One enrollment of the cohort (enrolled in the range): its attributed sale and when each step was
 * processed (executed, skipped or failed). Executions may stream in any order.
 */
final class EnrollmentTally {
    private static final long NOT_PROCESSED = Long.MIN_VALUE;

    final EnrollmentFact enrollment;
    final SequenceTally sequence;
    /** Its lead. */
    final LeadTally lead;
    /** The first sale of the lead in the enrollment's campaign from its enrollment on, within the window. */
    final Optional<SaleFact> sale;
    private final boolean ended;
    private long[] processedAt;

    EnrollmentTally(EnrollmentFact enrollment, SequenceTally sequence, LeadTally lead, Optional<SaleFact> sale,
            Instant end) {
        this.enrollment = enrollment;
        this.sequence = sequence;
        this.lead = lead;
        this.sale = sale;
        this.ended = enrollment.status().isFinal()
                && enrollment.completedAt().map(at -> at.isBefore(end)).orElse(false);
    }

    /** Records that step {@code order} was processed at {@code atMillis}; steps past the sequence's end are ignored. */
    void processed(int order, long atMillis) {
        if (order > sequence.steps) {
            return;
        }
        if (processedAt == null) {
            processedAt = new long[sequence.steps];
            Arrays.fill(processedAt, NOT_PROCESSED);
        }
        processedAt[order - 1] = atMillis;
    }

    /** Whether step {@code order} was processed. */
    boolean hasProcessed(int order) {
        return processedAt != null && order >= 1 && order <= processedAt.length
                && processedAt[order - 1] != NOT_PROCESSED;
    }

    /** When step {@code order} was processed; only meaningful when {@link #hasProcessed} is true. */
    long processedAt(int order) {
        return processedAt[order - 1];
    }

    /** Whether it is still active or paused at the end of the range, without a sale. */
    boolean isRunning() {
        return !ended && sale.isEmpty();
    }

    /** Whether it ended by opting out before the end of the range. */
    boolean isOptedOut() {
        return ended && enrollment.exitReason().equals(Optional.of(ExitReason.OPTED_OUT));
    }

    /** Whether it ran every step and ended without a sale. */
    boolean isCompleted() {
        return ended && sale.isEmpty() && enrollment.status() == EnrollmentStatus.COMPLETED;
    }

    /** Whether it ended early without a sale. */
    boolean isExited() {
        return ended && sale.isEmpty() && enrollment.status() != EnrollmentStatus.COMPLETED;
    }
}
