package io.retentioncenter.core.inbound.keitaro;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.conversion.PostbackKind;
import io.retentioncenter.core.internal.Require;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A Keitaro conversion postback to record.
 *
 * @param subId Keitaro's click id ({@code sub_id}, alias {@code subid}): our attempt id or the lead's external id
 * @param kind what it reports; {@code SALE} when the status was omitted (Keitaro's default)
 * @param payout the payout ({@code payout}, alias {@code revenue}); zero when absent, never negative
 * @param currency upper-case 3-letter currency code, if sent
 * @param transactionId Keitaro's transaction id ({@code tid}), if sent
 * @param clickId the traffic source's click id ({@code click_id}, alias {@code external_id}), if sent
 * @param campaignId Keitaro's campaign id, if sent
 * @param campaignName Keitaro's campaign name, if sent
 * @param originalStatus the status exactly as sent (custom statuses included); empty when omitted
 * @param raw the parameters as received, without the {@code secret}
 * @param receivedAt when the host received it
 */
public record KeitaroPostback(
        String subId,
        PostbackKind kind,
        BigDecimal payout,
        Optional<String> currency,
        Optional<String> transactionId,
        Optional<String> clickId,
        Optional<String> campaignId,
        Optional<String> campaignName,
        Optional<String> originalStatus,
        Map<String, String> raw,
        Instant receivedAt) implements KeitaroParseResult {

    /** Validates and copies. */
    public KeitaroPostback {
        Require.text(subId, "subId");
        Require.present(kind, "kind");
        Require.present(payout, "payout");
        if (payout.signum() < 0) {
            throw new ValidationException("payout", "must not be negative");
        }
        Require.present(currency, "currency");
        Require.present(transactionId, "transactionId");
        Require.present(clickId, "clickId");
        Require.present(campaignId, "campaignId");
        Require.present(campaignName, "campaignName");
        Require.present(originalStatus, "originalStatus");
        raw = Map.copyOf(Require.present(raw, "raw"));
        Require.present(receivedAt, "receivedAt");
    }

    /**
     * Identity for replay detection: {@code subId|KIND|tid}, or {@code subId|KIND|payout} (trailing
     * zeros stripped, so {@code 45} and {@code 45.00} agree) when there is no {@code tid}. Keitaro
     * re-sends postbacks when it re-processes conversions and has no idempotency header; its
     * documented replay key is ({@code sub_id}, {@code status}, {@code tid}). Without a {@code tid}
     * the payout stands in, so a re-sent postback is a replay while a different amount is not.
     */
    public String replayKey() {
        return subId + "|" + kind.name() + "|"
                + transactionId.orElseGet(() -> payout.stripTrailingZeros().toPlainString());
    }
}
