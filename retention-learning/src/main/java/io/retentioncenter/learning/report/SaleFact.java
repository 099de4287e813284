package io.retentioncenter.learning.report;

import io.retentioncenter.core.conversion.Conversion;

/**
 * A SALE conversion loaded before the attempts are streamed, with what the scan learns about it:
 * whether it belongs to the report's scope and which sent attempt of the scope the attribution rule
 * credits with it (the last touch in the window). Sales of one lead are chained through {@link #next}.
 */
final class SaleFact {
    final Conversion conversion;
    final long at;
    final SaleFact next;
    boolean inScope;
    /** The last touch offered so far, null while none. */
    Touch touch;

    SaleFact(Conversion conversion, SaleFact next) {
        this.conversion = conversion;
        this.at = conversion.occurredAt().toEpochMilli();
        this.next = next;
    }

    /** Whether an attempt of the scope was credited with the sale. */
    boolean isAttributed() {
        return touch != null;
    }
}
