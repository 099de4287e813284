package io.retentioncenter.core.conversion;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.internal.Require;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A lead's conversion in a campaign, credited to the attempt (and so the channel, sequence step and
 * A/B variant) that preceded it. One per lead and campaign; later postbacks upgrade it.
 *
 * @param id conversion id
 * @param leadId the lead
 * @param campaignId the campaign credited
 * @param channel the channel of the credited attempt
 * @param attemptId the credited attempt
 * @param enrollmentId the enrollment of the credited attempt
 * @param stepOrder the sequence step of the credited attempt
 * @param abTestId the A/B test of the credited attempt
 * @param variant the A/B variant of the credited attempt
 * @param status current status
 * @param revenue total revenue (payouts plus rebills)
 * @param currency currency code as the tracker sent it
 * @param transactionId the tracker's transaction id of the first postback, if any
 * @param occurredAt first postback time
 * @param updatedAt last change
 * @param raw the parameters of the latest postback, for inspection
 */
public record Conversion(
        String id,
        String leadId,
        String campaignId,
        Optional<Channel> channel,
        Optional<String> attemptId,
        Optional<String> enrollmentId,
        Optional<Integer> stepOrder,
        Optional<String> abTestId,
        Optional<String> variant,
        ConversionStatus status,
        BigDecimal revenue,
        Optional<String> currency,
        Optional<String> transactionId,
        Instant occurredAt,
        Instant updatedAt,
        Map<String, String> raw) {

    /** Validates and copies. */
    public Conversion {
        Require.text(id, "id");
        Require.text(leadId, "leadId");
        Require.text(campaignId, "campaignId");
        Require.present(channel, "channel");
        Require.present(attemptId, "attemptId");
        Require.present(enrollmentId, "enrollmentId");
        Require.present(stepOrder, "stepOrder");
        Require.present(abTestId, "abTestId");
        Require.present(variant, "variant");
        Require.present(status, "status");
        Require.present(revenue, "revenue");
        Require.present(currency, "currency");
        Require.present(transactionId, "transactionId");
        Require.present(occurredAt, "occurredAt");
        Require.present(updatedAt, "updatedAt");
        raw = Map.copyOf(Require.present(raw, "raw"));
    }
}
