package io.retentioncenter.core.script;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.internal.Descriptions;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.internal.ScriptRenderer;
import java.util.Map;
import java.util.Optional;

/**
 * A message template for one channel. Campaign-specific scripts win over default ones (no campaign).
 * Templates use {@code {{variable}}} placeholders, see {@link ScriptRenderer}.
 *
 * @param id script id
 * @param name display name
 * @param channel the channel it is written for
 * @param campaignId the campaign it belongs to, or empty for a default script
 * @param subject subject template (email)
 * @param body body template; for calls, the opening line or call brief
 * @param settings provider-specific settings (e.g. {@code vapi.assistantId}); win over campaign settings
 * @param description what the script is for, for operators (multi-line, at most 2,000 characters)
 */
public record Script(
        String id,
        String name,
        Channel channel,
        Optional<String> campaignId,
        Optional<String> subject,
        String body,
        Map<String, String> settings,
        Optional<String> description) {

    /** Validates and copies. */
    public Script {
        Require.text(id, "id");
        name = Require.text(name, "name");
        Require.present(channel, "channel");
        Require.present(campaignId, "campaignId");
        Require.present(subject, "subject");
        body = Require.text(body, "body");
        settings = Map.copyOf(Require.present(settings, "settings"));
        description = Descriptions.clean(description);
    }

    /** A script without a description. */
    public Script(String id, String name, Channel channel, Optional<String> campaignId, Optional<String> subject,
            String body, Map<String, String> settings) {
        this(id, name, channel, campaignId, subject, body, settings, Optional.empty());
    }

    /** Whether this is a default script (not tied to a campaign). */
    public boolean isDefault() {
        return campaignId.isEmpty();
    }
}
