package io.retentioncenter.core.inbound;

import java.util.List;
import java.util.Optional;

/**
 * What one Meta lead-ads delivery did, per lead change in the batch.
 *
 * @param items one row per leadgen change (and per change that failed to parse), in body order
 * @param ignoredChanges changes for other fields than {@code leadgen}
 */
public record MetaIngestReport(List<Item> items, int ignoredChanges) {
    /** Copies. */
    public MetaIngestReport {
        items = List.copyOf(items);
    }

    /** What happened to one change. */
    public enum Outcome {
        /** A new lead was stored and routed. */
        CREATED,
        /** The lead was already stored (same email or phone, or a re-delivery); nothing changed. */
        DUPLICATE,
        /** The change was malformed or the lead invalid; nothing was stored for it. */
        REJECTED,
        /** The lead could not be fetched from the Graph API; see {@link Item#retryable()}. */
        FAILED
    }

    /**
     * One change's result.
     *
     * @param path JSON path of the change in the body
     * @param leadgenId Meta's lead id, when the change carried one
     * @param outcome what happened
     * @param leadId the stored lead
     * @param error why it was rejected or failed
     * @param retryable whether a re-delivery may succeed (Graph API unavailable)
     */
    public record Item(String path, Optional<String> leadgenId, Outcome outcome, Optional<String> leadId,
            Optional<String> error, boolean retryable) {
    }

    /** Number of items with {@code outcome}. */
    public long count(Outcome outcome) {
        return items.stream().filter(i -> i.outcome() == outcome).count();
    }

    /**
     * Whether the host should answer with an error status so that Meta re-delivers the batch (some
     * lead could not be fetched for a passing reason). Re-delivered leads that were stored are
     * reported as duplicates, so a re-delivery is harmless.
     */
    public boolean shouldRetry() {
        return items.stream().anyMatch(Item::retryable);
    }
}
