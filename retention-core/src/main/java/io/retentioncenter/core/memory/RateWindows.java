package io.retentioncenter.core.memory;

import io.retentioncenter.core.contact.Channel;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Send reservations per campaign, channel and rate-limit window. Only the latest windows of each
 * campaign and channel are remembered; a reservation in a forgotten window is refused, so no window
 * ever holds more than its maximum. Not thread-safe.
 */
final class RateWindows {
    /** Windows remembered per campaign and channel; older ones are long over. */
    private static final int RETAINED_WINDOWS = 64;

    private final Map<RateKey, Windows> byKey = new HashMap<>();

    private record RateKey(String campaignId, Channel channel) {
    }

    /** Reservation counts of one campaign and channel, by window start. */
    private static final class Windows {
        private final TreeMap<Instant, Integer> reserved = new TreeMap<>();
        private Instant forgottenBefore = Instant.MIN;
    }

    /** Reserves one send in the window starting at {@code windowStart} if fewer than {@code max} are reserved. */
    boolean tryReserve(String campaignId, Channel channel, Instant windowStart, int max) {
        Windows windows = byKey.computeIfAbsent(new RateKey(campaignId, channel), k -> new Windows());
        if (windowStart.isBefore(windows.forgottenBefore)) {
            return false;
        }
        int count = windows.reserved.getOrDefault(windowStart, 0);
        if (count >= max) {
            return false;
        }
        windows.reserved.put(windowStart, count + 1);
        while (windows.reserved.size() > RETAINED_WINDOWS) {
            windows.forgottenBefore = windows.reserved.pollFirstEntry().getKey().plusNanos(1);
        }
        return true;
    }

    /** Forgets the windows that started before {@code before}; returns how many. */
    long purgeBefore(Instant before) {
        long purged = 0;
        for (Windows windows : byKey.values()) {
            int size = windows.reserved.size();
            windows.reserved.headMap(before, false).clear();
            purged += size - windows.reserved.size();
            if (before.isAfter(windows.forgottenBefore)) {
                windows.forgottenBefore = before;
            }
        }
        byKey.values().removeIf(w -> w.reserved.isEmpty());
        return purged;
    }
}
