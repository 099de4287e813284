package io.retentioncenter.core.lead;

import io.retentioncenter.core.internal.Require;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many leads match a search, by status and by source; every status and source is present (zero
 * when none match).
 *
 * @param byStatus leads per status
 * @param bySource leads per source
 */
public record LeadCounts(Map<LeadStatus, Long> byStatus, Map<LeadSource, Long> bySource) {
    /** Fills missing keys with zero and copies. */
    public LeadCounts {
        byStatus = complete(Require.present(byStatus, "byStatus"), LeadStatus.class);
        bySource = complete(Require.present(bySource, "bySource"), LeadSource.class);
    }

    /** Number of matching leads. */
    public long total() {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    private static <E extends Enum<E>> Map<E, Long> complete(Map<E, Long> counts, Class<E> type) {
        Map<E, Long> all = new EnumMap<>(type);
        for (E key : type.getEnumConstants()) {
            all.put(key, counts.getOrDefault(key, 0L));
        }
        return Collections.unmodifiableMap(all);
    }
}
