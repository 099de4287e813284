package io.retentioncenter.learning.report;

import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.conversion.ConversionStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SALE conversions of the range by lead, loaded first (they are few) so that every attempt can
 * be judged converted or not the moment it streams past. Conversions in another status do not count.
 */
final class SaleIndex {
    private final Map<String, SaleFact> byLead = new HashMap<>();
    private final List<SaleFact> all = new ArrayList<>();
    private final long windowMillis;

    /** An empty index applying an attribution window of {@code windowMillis}. */
    SaleIndex(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /** Adds {@code conversion} if it is a SALE; returns its fact, empty for other statuses. */
    Optional<SaleFact> add(Conversion conversion) {
        if (conversion.status() != ConversionStatus.SALE) {
            return Optional.empty();
        }
        SaleFact fact = new SaleFact(conversion, byLead.get(conversion.leadId()));
        byLead.put(conversion.leadId(), fact);
        all.add(fact);
        return Optional.of(fact);
    }

    /**
     * Whether the lead has any sale in the index: most leads have none, and their attempts can be
     * counted at once.
     */
    boolean hasSales(String leadId) {
        return byLead.containsKey(leadId);
    }

    /**
     * The lead's sale in {@code campaignId} at or after {@code sinceMillis} and within the window,
     * the earliest if several. Most leads have none: then this costs one map lookup and no allocation.
     */
    Optional<SaleFact> saleAfter(String leadId, String campaignId, long sinceMillis) {
        SaleFact found = null;
        for (SaleFact fact = byLead.get(leadId); fact != null; fact = fact.next) {
            long elapsed = fact.at - sinceMillis;
            if (elapsed >= 0 && elapsed <= windowMillis && fact.conversion.campaignId().equals(campaignId)
                    && (found == null || fact.at < found.at)) {
                found = fact;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Offers {@code touch} to the lead's sales in its campaign that it may be credited with (at most
     * the window before them); each keeps the latest touch offered. Returns whether any sale was
     * offered it, i.e. whether it may still turn out converted.
     */
    boolean offer(Touch touch) {
        boolean candidate = false;
        String campaignId = touch.attempt.campaignId();
        for (SaleFact fact = byLead.get(touch.attempt.leadId()); fact != null; fact = fact.next) {
            long elapsed = fact.at - touch.at;
            if (elapsed >= 0 && elapsed <= windowMillis && fact.conversion.campaignId().equals(campaignId)) {
                candidate = true;
                if (fact.touch == null || touch.at > fact.touch.at
                        || touch.at == fact.touch.at && touch.attempt.id().compareTo(fact.touch.attempt.id()) > 0) {
                    fact.touch = touch;
                }
            }
        }
        return candidate;
    }

    /** Every sale, in scan order. */
    List<SaleFact> all() {
        return all;
    }
}
