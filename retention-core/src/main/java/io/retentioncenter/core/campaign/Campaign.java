package io.retentioncenter.core.campaign;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.internal.Descriptions;
import io.retentioncenter.core.internal.Require;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A campaign: which leads it takes, when and how often it may contact them, and the sequence it runs.
 *
 * @param id campaign id
 * @param name display name
 * @param status lifecycle status
 * @param autoAssign which new leads are assigned automatically
 * @param schedule days and hours contact is allowed
 * @param rateLimits per-channel send limits for this campaign
 * @param contactLimit maximum attempts per lead (default 5)
 * @param sequenceId the retention sequence new leads are enrolled in; without one the campaign runs a
 *     one-shot sequence of every viable channel at delay 0
 * @param settings provider settings for this campaign (e.g. {@code vapi.assistantId}), overriding
 *     the integration defaults and overridden by script settings
 * @param createdAt creation time
 * @param updatedAt last change
 * @param description what the campaign is for, for operators (multi-line, at most 2,000 characters)
 */
public record Campaign(
        String id,
        String name,
        CampaignStatus status,
        AutoAssignRule autoAssign,
        Schedule schedule,
        Map<Channel, RateLimit> rateLimits,
        int contactLimit,
        Optional<String> sequenceId,
        Map<String, String> settings,
        Instant createdAt,
        Instant updatedAt,
        Optional<String> description) {

    /** Default maximum number of attempts per lead. */
    public static final int DEFAULT_CONTACT_LIMIT = 5;

    /** Validates and copies. */
    public Campaign {
        Require.text(id, "id");
        name = Require.text(name, "name");
        Require.present(status, "status");
        Require.present(autoAssign, "autoAssign");
        Require.present(schedule, "schedule");
        rateLimits = Map.copyOf(Require.present(rateLimits, "rateLimits"));
        Require.positive(contactLimit, "contactLimit");
        Require.present(sequenceId, "sequenceId");
        settings = Map.copyOf(Require.present(settings, "settings"));
        Require.present(createdAt, "createdAt");
        Require.present(updatedAt, "updatedAt");
        description = Descriptions.clean(description);
    }

    /** A campaign without a description. */
    public Campaign(String id, String name, CampaignStatus status, AutoAssignRule autoAssign, Schedule schedule,
            Map<Channel, RateLimit> rateLimits, int contactLimit, Optional<String> sequenceId,
            Map<String, String> settings, Instant createdAt, Instant updatedAt) {
        this(id, name, status, autoAssign, schedule, rateLimits, contactLimit, sequenceId, settings, createdAt,
                updatedAt, Optional.empty());
    }

    /** The rate limit for {@code channel}, if one is set. */
    public Optional<RateLimit> rateLimit(Channel channel) {
        return Optional.ofNullable(rateLimits.get(channel));
    }

    /** A copy with another status, checked against the state machine. */
    public Campaign withStatus(CampaignStatus next, Instant at) {
        return new Campaign(id, name, status.moveTo(next), autoAssign, schedule, rateLimits, contactLimit, sequenceId,
                settings, createdAt, at, description);
    }

    /** A copy that runs {@code sequence}. */
    public Campaign withSequence(String sequence, Instant at) {
        return new Campaign(id, name, status, autoAssign, schedule, rateLimits, contactLimit,
                Optional.of(sequence), settings, createdAt, at, description);
    }
}
