package io.retentioncenter.core.spi;

import io.retentioncenter.core.PurgeReport;
import java.time.Instant;

/**
 * Purging rows that only guard against replays and count rate windows, once they are old. A role of
 * {@link RetentionStore}.
 */
public interface HousekeepingStore {
    /**
     * Deletes housekeeping rows: processed provider-event keys, conversion replay keys and unmatched
     * postbacks recorded before {@code keysBefore}, and rate-limit windows that started before
     * {@code rateWindowsBefore}. Leads, attempts, executions, enrollments and conversions are never
     * purged. Safe to run on several engines at once.
     *
     * @return how many rows of each kind were deleted
     */
    PurgeReport purgeHousekeeping(Instant keysBefore, Instant rateWindowsBefore);
}
