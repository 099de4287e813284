package io.retentioncenter.channels.instantly;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.ProviderException;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.http.HttpResult;
import io.retentioncenter.core.internal.JsonPayload;
import io.retentioncenter.core.internal.Require;
import java.net.URI;
import java.util.Optional;

/**
 * Creates the Instantly webhook subscription ({@code POST /api/v2/webhooks}, {@code event_type}
 * {@code all_events}) whose {@code headers} carry the shared secret that {@link InstantlyWebhooks}
 * verifies, so the two cannot drift apart. Uses the provider's key and transport (scope
 * {@code webhooks:create}). A setup-time call: it blocks.
 */
public final class InstantlyWebhookSubscriber {
    static final String WEBHOOKS_PATH = "/api/v2/webhooks";

    private final InstantlyApi api;
    private final SharedSecretHeader header;

    private InstantlyWebhookSubscriber(InstantlyApi api, SharedSecretHeader header) {
        this.api = api;
        this.header = header;
    }

    /**
     * A subscriber that calls Instantly with {@code provider}'s connection and sets {@code webhooks}'
     * auth header on the subscription.
     *
     * @throws ConfigurationException when {@code webhooks} was built {@code unauthenticated()}
     * @throws ValidationException when an argument is null
     */
    public static InstantlyWebhookSubscriber of(InstantlyEmailProvider provider, InstantlyWebhooks webhooks) {
        Require.present(provider, "provider");
        Require.present(webhooks, "webhooks");
        SharedSecretHeader header = webhooks.auth().orElseThrow(() -> new ConfigurationException(
                "instantly: an unauthenticated webhook parser cannot back a subscription; use authHeader(name, secret)"));
        return new InstantlyWebhookSubscriber(provider.api(), header);
    }

    /**
     * Subscribes {@code targetHookUrl} to every event of one campaign.
     *
     * @return the Instantly webhook id
     * @throws ValidationException when the URL is not absolute http(s) or the campaign is not a uuid
     * @throws ProviderException when Instantly refuses or answers without an id, or is unreachable
     */
    public String subscribe(URI targetHookUrl, String campaignId) {
        if (!InstantlyApi.isCampaignId(campaignId)) {
            throw new ValidationException("campaignId", "must be an Instantly campaign uuid");
        }
        return create(targetHookUrl, Optional.of(campaignId));
    }

    /**
     * Subscribes {@code targetHookUrl} to every event of every campaign in the workspace.
     *
     * @return the Instantly webhook id
     * @throws ValidationException when the URL is not absolute http(s)
     * @throws ProviderException when Instantly refuses or answers without an id, or is unreachable
     */
    public String subscribeAllCampaigns(URI targetHookUrl) {
        return create(targetHookUrl, Optional.empty());
    }

    private String create(URI targetHookUrl, Optional<String> campaign) {
        Require.present(targetHookUrl, "targetHookUrl");
        String scheme = targetHookUrl.getScheme();
        boolean web = "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme);
        if (!web || targetHookUrl.getHost() == null) {
            throw new ValidationException("targetHookUrl", "must be an absolute http(s) URL");
        }
        ObjectNode body = JsonPayload.mapper().createObjectNode();
        body.put("target_hook_url", targetHookUrl.toString());
        body.put("event_type", "all_events");
        campaign.ifPresent(c -> body.put("campaign", c));
        body.putObject("headers").put(header.name(), header.secret());
        HttpResult result = api.post(WEBHOOKS_PATH, body);
        if (!result.isSuccess()) {
            throw new ProviderException("Instantly refused the webhook subscription: " + InstantlyApi.describe(result));
        }
        try {
            return InstantlyApi.createdId(result);
        } catch (InvalidPayloadException e) {
            throw new ProviderException("Instantly created a webhook but its answer has no readable id", e);
        }
    }
}
