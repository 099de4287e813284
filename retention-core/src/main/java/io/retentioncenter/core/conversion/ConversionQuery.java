package io.retentioncenter.core.conversion;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.lead.LeadSource;
import java.time.Instant;
import java.util.Optional;

/**
 * Filter for the conversions page; empty fields match everything.
 *
 * @param source only conversions of leads from this source (Meta, API, manual, bulk)
 * @param status only this status
 * @param campaignId only conversions credited to this campaign
 * @param channel only conversions credited to this channel
 * @param from only conversions that occurred at or after this instant
 * @param to only conversions that occurred before this instant
 */
public record ConversionQuery(Optional<LeadSource> source, Optional<ConversionStatus> status,
        Optional<String> campaignId, Optional<Channel> channel, Optional<Instant> from, Optional<Instant> to) {

    /** Validates: every field present (possibly empty), {@code from} before {@code to}. */
    public ConversionQuery {
        Require.present(source, "source");
        Require.present(status, "status");
        campaignId = Require.present(campaignId, "campaignId").map(id -> Require.text(id, "campaignId"));
        Require.present(channel, "channel");
        Require.present(from, "from");
        Require.present(to, "to");
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new ValidationException("to", "must be after from (" + from.get() + "), was " + to.get());
        }
    }

    /** Matches every conversion. */
    public static ConversionQuery all() {
        return new ConversionQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** A copy restricted to leads from {@code value}. */
    public ConversionQuery withSource(LeadSource value) {
        return new ConversionQuery(Optional.of(Require.present(value, "source")), status, campaignId, channel, from,
                to);
    }

    /** A copy restricted to {@code value}. */
    public ConversionQuery withStatus(ConversionStatus value) {
        return new ConversionQuery(source, Optional.of(Require.present(value, "status")), campaignId, channel, from,
                to);
    }

    /** A copy restricted to campaign {@code id}. */
    public ConversionQuery withCampaign(String id) {
        return new ConversionQuery(source, status, Optional.of(Require.text(id, "campaignId")), channel, from, to);
    }

    /** A copy restricted to {@code value}. */
    public ConversionQuery withChannel(Channel value) {
        return new ConversionQuery(source, status, campaignId, Optional.of(Require.present(value, "channel")), from,
                to);
    }

    /** A copy restricted to conversions that occurred in {@code [start, end)}. */
    public ConversionQuery between(Instant start, Instant end) {
        return new ConversionQuery(source, status, campaignId, channel, Optional.of(Require.present(start, "from")),
                Optional.of(Require.present(end, "to")));
    }

    /** Whether {@code c}, of a lead from {@code leadSource}, matches. */
    public boolean matches(Conversion c, LeadSource leadSource) {
        return source.map(s -> s == leadSource).orElse(true)
                && status.map(s -> s == c.status()).orElse(true)
                && campaignId.map(c.campaignId()::equals).orElse(true)
                && channel.map(ch -> c.channel().equals(Optional.of(ch))).orElse(true)
                && from.map(f -> !c.occurredAt().isBefore(f)).orElse(true)
                && to.map(t -> c.occurredAt().isBefore(t)).orElse(true);
    }
}
