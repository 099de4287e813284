package io.retentioncenter.core.script;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.internal.Descriptions;
import io.retentioncenter.core.internal.Require;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A script to create: a default script for its channel unless tied to a campaign.
 *
 * @param name display name
 * @param channel channel
 * @param campaignId owning campaign, empty for a default script
 * @param subject subject template (email)
 * @param body body template
 * @param settings provider settings
 * @param description what the script is for (optional)
 */
public record NewScript(String name, Channel channel, Optional<String> campaignId, Optional<String> subject,
        String body, Map<String, String> settings, Optional<String> description) {

    /** Starts a builder. */
    public static Builder builder(Channel channel, String name, String body) {
        return new Builder(channel, name, body);
    }

    /** Builder. */
    public static final class Builder {
        private final Channel channel;
        private final String name;
        private final String body;
        private String campaignId;
        private String subject;
        private final Map<String, String> settings = new HashMap<>();
        private Optional<String> description = Optional.empty();

        private Builder(Channel channel, String name, String body) {
            this.channel = channel;
            this.name = name;
            this.body = body;
        }

        /** Ties the script to a campaign (it then wins over the default script). */
        public Builder campaign(String id) {
            campaignId = Require.text(id, "campaignId");
            return this;
        }

        /** Subject template (email). */
        public Builder subject(String value) {
            subject = Require.text(value, "subject");
            return this;
        }

        /** Provider setting, e.g. {@code vapi.assistantId}. */
        public Builder setting(String key, String value) {
            settings.put(Require.text(key, "settings.key"), Require.text(value, "settings." + key));
            return this;
        }

        /** What the script is for, for operators: multi-line, at most 2,000 characters; blank for none. */
        public Builder description(String value) {
            description = Descriptions.of(value);
            return this;
        }

        /** Builds the request. */
        public NewScript build() {
            return new NewScript(Require.text(name, "name"), Require.present(channel, "channel"),
                    Optional.ofNullable(campaignId), Optional.ofNullable(subject), Require.text(body, "body"), settings,
                    description);
        }
    }
}
