package io.retentioncenter.core.conversion;

import io.retentioncenter.core.internal.Require;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the store applies for one matched postback, atomically.
 *
 * @param replayKey identity of the postback; a second command with the same key changes nothing
 * @param kind what the postback reports
 * @param candidate the conversion to create when the lead has none in the campaign yet
 * @param payout the postback's payout (replaces the revenue for LEAD/SALE, adds for REBILL)
 * @param at processing time
 */
public record ConversionCommand(
        String replayKey,
        PostbackKind kind,
        Conversion candidate,
        BigDecimal payout,
        Instant at) {

    /** Validates. */
    public ConversionCommand {
        Require.text(replayKey, "replayKey");
        Require.present(kind, "kind");
        Require.present(candidate, "candidate");
        Require.present(payout, "payout");
        Require.present(at, "at");
    }

    /** The raw parameters of the postback. */
    public Map<String, String> raw() {
        return candidate.raw();
    }

    /** The transaction id, if the postback had one. */
    public Optional<String> transactionId() {
        return candidate.transactionId();
    }
}
