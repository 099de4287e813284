package io.retentioncenter.core;

/**
 * What one housekeeping purge deleted.
 *
 * @param processedEvents provider-event keys older than the retention period (replays of such old
 *     events are applied again, which changes nothing: statuses only move forward)
 * @param replayKeys Keitaro replay keys older than the retention period
 * @param unmatchedPostbacks unmatched postbacks older than the retention period
 * @param rateWindows rate-limit windows that ended long ago
 */
public record PurgeReport(long processedEvents, long replayKeys, long unmatchedPostbacks, long rateWindows) {
    /** Nothing deleted. */
    public static final PurgeReport NONE = new PurgeReport(0, 0, 0, 0);

    /** Rows deleted in all. */
    public long total() {
        return processedEvents + replayKeys + unmatchedPostbacks + rateWindows;
    }
}
