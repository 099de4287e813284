package io.retentioncenter.core.spi;

import io.retentioncenter.core.contact.Channel;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a provider needs to send one attempt. Content is already rendered by the core.
 *
 * @param attemptId the attempt; echo it to the provider (metadata / custom variables) so webhooks
 *     can be matched back
 * @param idempotencyKey deterministic per (enrollment, step, try): the same key means the same send
 * @param leadId the lead
 * @param campaignId the campaign
 * @param channel the channel
 * @param recipient email address or E.164 phone number
 * @param firstName the lead's first name, if known
 * @param lastName the lead's last name, if known
 * @param subject rendered subject (email)
 * @param body rendered body (HTML-escaped values for email)
 * @param variables the script variables used for rendering (providers with their own templating,
 *     such as VAPI, pass them on)
 * @param settings provider settings: script settings over campaign settings
 * @param variant the A/B variant, if any
 */
public record OutboundMessage(
        String attemptId,
        String idempotencyKey,
        String leadId,
        String campaignId,
        Channel channel,
        String recipient,
        Optional<String> firstName,
        Optional<String> lastName,
        Optional<String> subject,
        String body,
        Map<String, String> variables,
        Map<String, String> settings,
        Optional<String> variant) {

    /** Copies the maps. */
    public OutboundMessage {
        variables = Map.copyOf(variables);
        settings = Map.copyOf(settings);
    }

    /** A setting by key, if present and not blank. */
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key)).filter(v -> !v.isBlank());
    }
}
