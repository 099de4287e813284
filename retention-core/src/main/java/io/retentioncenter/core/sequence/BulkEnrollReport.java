package io.retentioncenter.core.sequence;

import java.util.List;
import java.util.Optional;

/**
 * Per-lead outcome of enrolling several leads.
 *
 * @param rows one row per lead id, in input order
 */
public record BulkEnrollReport(List<Row> rows) {
    /** Copies. */
    public BulkEnrollReport {
        rows = List.copyOf(rows);
    }

    /**
     * One lead's outcome.
     *
     * @param leadId the lead
     * @param outcome what happened
     * @param enrollmentId the new (or blocking) enrollment
     */
    public record Row(String leadId, EnrollResult.Outcome outcome, Optional<String> enrollmentId) {
    }

    /** Number of leads with {@code outcome}. */
    public long count(EnrollResult.Outcome outcome) {
        return rows.stream().filter(r -> r.outcome() == outcome).count();
    }
}
