package io.retentioncenter.core.lead;

import java.util.List;
import java.util.Optional;

/**
 * Per-row outcome of a bulk ingest. Good rows are stored even when other rows are bad, and rows the
 * store took in before it failed are reported as created while the others are {@link Outcome#FAILED}.
 *
 * @param rows one result per input row, in input order
 */
public record BulkIngestReport(List<Row> rows) {
    /** Copies the rows. */
    public BulkIngestReport {
        rows = List.copyOf(rows);
    }

    /** What happened to one row. */
    public enum Outcome {
        /** A new lead was stored. */
        CREATED,
        /** The row duplicates an existing lead. */
        DUPLICATE,
        /** The row failed validation; nothing was stored for it. */
        REJECTED,
        /**
         * The store failed while taking the row in and it was not created by this call; ingesting
         * it again is safe (it is then created, or reported as the duplicate of a lead stored since).
         */
        FAILED
    }

    /**
     * One row's result.
     *
     * @param index zero-based row index
     * @param outcome what happened
     * @param leadId the stored or matched lead
     * @param field the offending field for a rejected row
     * @param error the reason for a rejected or failed row
     */
    public record Row(int index, Outcome outcome, Optional<String> leadId, Optional<String> field,
            Optional<String> error) {
    }

    /** Number of rows with {@code outcome}. */
    public long count(Outcome outcome) {
        return rows.stream().filter(r -> r.outcome() == outcome).count();
    }
}
