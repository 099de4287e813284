package io.retentioncenter.core.conversion;

import io.retentioncenter.core.internal.Require;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Counts and revenue of the conversions a {@link ConversionQuery} matches.
 *
 * @param conversions conversions matched, whatever their status
 * @param sales those in SALE
 * @param rejected those in REJECTED
 * @param revenue revenue of the SALE conversions, amounts added whatever their currency
 * @param revenueByCurrency the same revenue per currency code, {@value #NO_CURRENCY} for postbacks
 *     that sent none
 */
public record ConversionTotals(long conversions, long sales, long rejected, BigDecimal revenue,
        Map<String, BigDecimal> revenueByCurrency) {

    /** The currency key of revenue whose postbacks named no currency. */
    public static final String NO_CURRENCY = "none";

    /** Validates and copies. */
    public ConversionTotals {
        Require.present(revenue, "revenue");
        revenueByCurrency = Map.copyOf(Require.present(revenueByCurrency, "revenueByCurrency"));
    }
}
