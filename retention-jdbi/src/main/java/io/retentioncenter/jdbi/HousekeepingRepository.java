package io.retentioncenter.jdbi;

import io.retentioncenter.core.PurgeReport;
import java.time.Instant;

/** Deletes old housekeeping rows, one statement per table, each its own transaction. */
final class HousekeepingRepository {
    private static final String EVENTS = "DELETE FROM <schema>rc_processed_event WHERE processed_at < :before";
    private static final String REPLAYS = "DELETE FROM <schema>rc_conversion_replay WHERE recorded_at < :before";
    private static final String UNMATCHED = "DELETE FROM <schema>rc_unmatched_postback WHERE received_at < :before";
    private static final String RATES = "DELETE FROM <schema>rc_rate_bucket WHERE window_start < :before";

    private final Database db;

    HousekeepingRepository(Database db) {
        this.db = db;
    }

    PurgeReport purge(Instant keysBefore, Instant rateWindowsBefore) {
        return new PurgeReport(delete(EVENTS, keysBefore), delete(REPLAYS, keysBefore), delete(UNMATCHED, keysBefore),
                delete(RATES, rateWindowsBefore));
    }

    private long delete(String sql, Instant before) {
        return db.withHandle("purgeHousekeeping",
                h -> h.createUpdate(sql).bindByType("before", before, Instant.class).execute());
    }
}
