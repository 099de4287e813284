package io.retentioncenter.learning.report;

import io.retentioncenter.core.internal.Require;
import java.time.Duration;

/**
 * What computing a report read, for monitoring and benchmarks. Counts are facts streamed from the
 * store, before the scope filter.
 *
 * @param conversions conversions read
 * @param leads leads read (every lead created before the end of the range, for time zones)
 * @param enrollments enrollments read
 * @param executions step executions read
 * @param attempts attempts read
 * @param textsTokenized message texts tokenized for the phrase analysis (each distinct text once, unless
 *     the distinct texts overflowed the cache)
 * @param elapsed wall-clock time of the whole computation
 */
public record ScanSummary(long conversions, long leads, long enrollments, long executions, long attempts,
        long textsTokenized, Duration elapsed) {

    /** Validates. */
    public ScanSummary {
        Require.present(elapsed, "elapsed");
    }
}
