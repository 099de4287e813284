package io.retentioncenter.core.inbound.meta;

import io.retentioncenter.core.internal.Require;
import java.util.List;

/**
 * A parsed Meta {@code leadgen} notification.
 *
 * @param items the {@code leadgen} changes that parsed, in body order
 * @param errors the entries and changes that did not parse, in body order
 * @param ignoredChanges how many changes had a field other than {@code leadgen}
 */
public record MetaLeadgenBatch(List<MetaLeadgenItem> items, List<MetaLeadgenError> errors, int ignoredChanges) {

    /** Validates and copies. */
    public MetaLeadgenBatch {
        items = List.copyOf(Require.present(items, "items"));
        errors = List.copyOf(Require.present(errors, "errors"));
        Require.nonNegative(ignoredChanges, "ignoredChanges");
    }
}
