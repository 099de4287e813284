package io.retentioncenter.core.campaign;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.internal.Descriptions;
import io.retentioncenter.core.internal.Require;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A campaign to create. Defaults: ACTIVE, takes every new lead, always open, no rate limits,
 * contact limit 5, no explicit sequence (the campaign's linked or one-shot sequence is used).
 *
 * @param name display name
 * @param status initial status
 * @param autoAssign which new leads join automatically
 * @param schedule allowed contact days and hours
 * @param rateLimits per-channel send limits
 * @param contactLimit attempts per lead
 * @param sequenceId explicit sequence
 * @param settings provider settings
 * @param description what the campaign is for (optional)
 */
public record NewCampaign(String name, CampaignStatus status, AutoAssignRule autoAssign, Schedule schedule,
        Map<Channel, RateLimit> rateLimits, int contactLimit, Optional<String> sequenceId,
        Map<String, String> settings, Optional<String> description) {

    /** Starts a builder for a campaign named {@code name}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builder with the defaults above. */
    public static final class Builder {
        private final String name;
        private CampaignStatus status = CampaignStatus.ACTIVE;
        private AutoAssignRule autoAssign = AutoAssignRule.everything();
        private Schedule schedule = Schedule.always();
        private final Map<Channel, RateLimit> rateLimits = new EnumMap<>(Channel.class);
        private int contactLimit = Campaign.DEFAULT_CONTACT_LIMIT;
        private String sequenceId;
        private final Map<String, String> settings = new HashMap<>();
        private Optional<String> description = Optional.empty();

        private Builder(String name) {
            this.name = name;
        }

        /** Initial status (ACTIVE or PAUSED). */
        public Builder status(CampaignStatus value) {
            status = Require.present(value, "status");
            return this;
        }

        /** Which new leads join automatically. */
        public Builder autoAssign(AutoAssignRule value) {
            autoAssign = Require.present(value, "autoAssign");
            return this;
        }

        /** Allowed contact days and hours. */
        public Builder schedule(Schedule value) {
            schedule = Require.present(value, "schedule");
            return this;
        }

        /** A send limit for {@code channel}. */
        public Builder rateLimit(Channel channel, RateLimit limit) {
            rateLimits.put(Require.present(channel, "channel"), Require.present(limit, "rateLimit"));
            return this;
        }

        /** Maximum attempts per lead. */
        public Builder contactLimit(int value) {
            contactLimit = Require.positive(value, "contactLimit");
            return this;
        }

        /** The sequence new leads are enrolled in. */
        public Builder sequence(String id) {
            sequenceId = Require.text(id, "sequenceId");
            return this;
        }

        /** A provider setting, e.g. {@code vapi.assistantId}. */
        public Builder setting(String key, String value) {
            settings.put(Require.text(key, "settings.key"), Require.text(value, "settings." + key));
            return this;
        }

        /** What the campaign is for, for operators: multi-line, at most 2,000 characters; blank for none. */
        public Builder description(String value) {
            description = Descriptions.of(value);
            return this;
        }

        /** Builds the request. */
        public NewCampaign build() {
            return new NewCampaign(Require.text(name, "name"), status, autoAssign, schedule, rateLimits, contactLimit,
                    Optional.ofNullable(sequenceId), settings, description);
        }
    }
}
