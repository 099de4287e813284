package io.retentioncenter.core.conversion;

import java.util.Locale;
import java.util.Optional;

/**
 * Conversion status as the tracker reports it. Allowed moves: LEAD → SALE, LEAD → REJECTED,
 * SALE → REJECTED. A rebill adds revenue to a SALE.
 */
public enum ConversionStatus {
    /** Registered, payout not confirmed. */
    LEAD,
    /** Confirmed sale: the lead converted. */
    SALE,
    /** Cancelled by the advertiser. */
    REJECTED;

    /** Whether a conversion in this status may move to {@code next}. */
    public boolean canMoveTo(ConversionStatus next) {
        return next != this && (this == LEAD || this == SALE && next == REJECTED);
    }

    /** Parses a tracker status word, case-insensitive ({@code reject} is accepted for REJECTED). */
    public static Optional<ConversionStatus> parse(String word) {
        return switch (word.trim().toLowerCase(Locale.ROOT)) {
            case "lead" -> Optional.of(LEAD);
            case "sale" -> Optional.of(SALE);
            case "rejected", "reject" -> Optional.of(REJECTED);
            default -> Optional.empty();
        };
    }
}
