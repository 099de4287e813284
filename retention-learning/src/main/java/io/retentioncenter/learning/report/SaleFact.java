package io.retentioncenter.learning.report;

import io.retentioncenter.core.conversion.Conversion;

/**
 * A SALE conversion loaded before the attempts are streamed, with what the scan learns about it:
 * whether it belongs to the report's scope and whether an attempt in scope was credited with it by
 * the attribution rule. Sales of one lead are chained through {@link #next}.
 */
final class SaleFact {
    final Conversion conversion;
    final long at;
    final SaleFact next;
    boolean inScope;
    boolean attributed;

    SaleFact(Conversion conversion, SaleFact next) {
        this.conversion = conversion;
        this.at = conversion.occurredAt().toEpochMilli();
        this.next = next;
    }
}
