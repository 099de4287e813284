package io.retentioncenter.channels.instantly;

import com.fasterxml.jackson.databind.JsonNode;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.ProviderException;
import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.http.ConnectionProbe;
import io.retentioncenter.core.http.HttpResult;
import io.retentioncenter.core.http.ProviderHttp;
import io.retentioncenter.core.http.ProviderTransportException;
import io.retentioncenter.core.http.Replay;
import io.retentioncenter.core.http.SendResults;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.spi.ChannelProvider;
import io.retentioncenter.core.spi.ConnectionCheck;
import io.retentioncenter.core.spi.OutboundMessage;
import io.retentioncenter.core.spi.SendResult;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EMAIL channel on Instantly.ai API v2. Each send adds the recipient as a lead to an Instantly
 * campaign ({@code POST /api/v2/leads}); the campaign's template sends the rendered subject and body
 * carried in the lead's custom variables (see {@link InstantlyVariables}). The Instantly lead id is
 * the provider reference.
 *
 * <p>Outcomes: a 2xx is accepted (with the lead {@code id} as reference when the body carries one);
 * 429 and a request that never reached Instantly are retryable rejections; a 5xx or a request that
 * may have arrived without an answer is an unknown outcome; every other status is a permanent
 * rejection naming Instantly's error {@code message}. Thread-safe. Never logs the API key or a full
 * address.
 */
public final class InstantlyEmailProvider implements ChannelProvider {
    /** The provider name stored on attempts and events. */
    public static final String NAME = "instantly";
    /** Message setting that overrides the default Instantly campaign uuid for one send. */
    public static final String CAMPAIGN_SETTING = "instantly.campaignId";

    static final String LEADS_PATH = "/api/v2/leads";
    private static final Logger log = LoggerFactory.getLogger(InstantlyEmailProvider.class);

    private final InstantlyApi api;
    private final String campaignId;
    private final boolean skipIfInCampaign;

    private InstantlyEmailProvider(InstantlyApi api, String campaignId, boolean skipIfInCampaign) {
        this.api = api;
        this.campaignId = campaignId;
        this.skipIfInCampaign = skipIfInCampaign;
    }

    /** Starts a builder; {@link Builder#apiKey} and {@link Builder#campaignId} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@link Channel#EMAIL}. */
    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    /** {@value #NAME}. */
    @Override
    public String name() {
        return NAME;
    }

    /**
     * True when {@code skip_if_in_campaign} is sent: Instantly documents no idempotency key, but with
     * that flag it skips an add of an address already in the campaign, so a repeated add of the same
     * attempt cannot email the lead twice. The engine then sends an attempt whose outcome is unknown
     * again (after a backoff, counted against the step's retries), and the transport retries timeouts
     * and 5xx. With the flag off, a send is never repeated once it may have reached Instantly.
     */
    @Override
    public boolean idempotentSends() {
        return skipIfInCampaign;
    }

    /** The transport's total timeout: the longest one send takes, every try included. */
    @Override
    public Optional<Duration> maxSendTime() {
        return Optional.of(api.maxCallTime());
    }

    /**
     * Adds the message's recipient to the Instantly campaign (the message's {@value #CAMPAIGN_SETTING}
     * setting, else the default one). Cancelling the returned stage abandons the request.
     *
     * @throws ValidationException when {@code message} is null, not an EMAIL message or lacks a
     *     required field
     */
    @Override
    public CompletionStage<SendResult> send(OutboundMessage message) {
        validate(message);
        String campaign = message.setting(CAMPAIGN_SETTING).map(String::trim).orElse(campaignId);
        if (!InstantlyApi.isCampaignId(campaign)) {
            return CompletableFuture.completedFuture(SendResult.permanentFailure(
                    "setting " + CAMPAIGN_SETTING + " is not an Instantly campaign uuid"));
        }
        JsonNode body = AddLeadRequest.body(message, campaign, skipIfInCampaign);
        return api.postAsync(LEADS_PATH, body, skipIfInCampaign ? Replay.SAFE : Replay.UNSAFE,
                (result, error) -> result != null ? outcome(result, message) : transportFailure(error, message));
    }

    /**
     * Checks the API key with one read-only call ({@code GET /api/v2/campaigns?limit=1}, scope
     * {@code campaigns:read}); a key without that scope fails the check even if it may add leads.
     */
    @Override
    public ConnectionCheck checkConnection() {
        return ConnectionProbe.probe(api.http(), api.getRequest(InstantlyDiscovery.CAMPAIGNS_PATH + "?limit=1"),
                "Instantly");
    }

    /**
     * The workspace's campaigns, every page of {@code GET /api/v2/campaigns}: their ids are what
     * {@link #CAMPAIGN_SETTING} and {@link Builder#campaignId} take. Read-only; blocks the caller.
     *
     * @throws ProviderException when Instantly refuses, answers an unreadable page or is unreachable
     */
    public List<InstantlyCampaign> campaigns() {
        return new InstantlyDiscovery(api).campaigns();
    }

    /**
     * The workspace's sending accounts, every page of {@code GET /api/v2/accounts} (scope
     * {@code accounts:read}). Read-only; blocks the caller.
     *
     * @throws ProviderException when Instantly refuses, answers an unreadable page or is unreachable
     */
    public List<InstantlyAccount> sendingAccounts() {
        return new InstantlyDiscovery(api).accounts();
    }

    /** The connection, shared with {@link InstantlyWebhookSubscriber}. */
    InstantlyApi api() {
        return api;
    }

    private static void validate(OutboundMessage message) {
        Require.present(message, "message");
        if (message.channel() != Channel.EMAIL) {
            throw new ValidationException("message.channel", "must be EMAIL for Instantly, was " + message.channel());
        }
        Require.text(message.attemptId(), "message.attemptId");
        Require.text(message.leadId(), "message.leadId");
        Require.text(message.recipient(), "message.recipient");
        Require.present(message.body(), "message.body");
        Require.present(message.firstName(), "message.firstName");
        Require.present(message.lastName(), "message.lastName");
        Require.present(message.subject(), "message.subject");
        Require.present(message.variant(), "message.variant");
    }

    private SendResult outcome(HttpResult result, OutboundMessage message) {
        if (result.isSuccess()) {
            Optional<String> id = leadId(result);
            if (id.isPresent()) {
                log.debug("Instantly accepted attempt {} for {} as lead {}", message.attemptId(),
                        Lead.maskEmail(message.recipient()), id.get());
                return SendResult.accepted(id.get());
            }
            log.warn("Instantly answered attempt {} with HTTP {} but no readable lead id; counted as sent",
                    message.attemptId(), result.status());
            return SendResult.acceptedWithoutReference("Instantly HTTP " + result.status() + " without a readable lead id");
        }
        log.warn("Instantly did not take attempt {}: HTTP {}", message.attemptId(), result.status());
        return SendResults.httpFailure(result, "Instantly " + InstantlyApi.describe(result), api.clock().instant());
    }

    private static Optional<String> leadId(HttpResult result) {
        try {
            return Optional.of(InstantlyApi.createdId(result));
        } catch (InvalidPayloadException e) {
            return Optional.empty();
        }
    }

    private static SendResult transportFailure(ProviderTransportException error, OutboundMessage message) {
        log.warn("Instantly gave no answer for attempt {}: {}", message.attemptId(), error.getMessage());
        return SendResults.transportFailure("Instantly", error);
    }

    /**
     * Builder for {@link InstantlyEmailProvider}. The default transport is core's {@link ProviderHttp}
     * paced at 10 requests per second (Instantly allows 100/s workspace-wide), on this builder's clock.
     * Every setter throws {@link ConfigurationException} at once for a null or blank value;
     * {@link #build()} for what is missing or malformed.
     */
    public static final class Builder {
        private static final double DEFAULT_REQUESTS_PER_SECOND = 10;

        private String apiKey;
        private String campaignId;
        private URI baseUri = InstantlyApi.DEFAULT_BASE_URI;
        private boolean skipIfInCampaign = true;
        private Optional<ProviderHttp> http = Optional.empty();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The Instantly API v2 key (scope {@code leads:create}, plus {@code webhooks:create} to subscribe). */
        public Builder apiKey(String value) {
            if (value == null || value.isBlank()) {
                throw new ConfigurationException(NAME + ": apiKey must not be blank");
            }
            apiKey = value.trim();
            return this;
        }

        /** The default Instantly campaign uuid that leads are added to. */
        public Builder campaignId(String value) {
            if (value == null || value.isBlank()) {
                throw new ConfigurationException(NAME + ": campaignId must not be blank");
            }
            campaignId = value.trim();
            return this;
        }

        /** The API host, default {@code https://api.instantly.ai}; an absolute http(s) URI without query. */
        public Builder baseUri(URI value) {
            if (value == null) {
                throw new ConfigurationException(NAME + ": baseUri must not be null");
            }
            baseUri = value;
            return this;
        }

        /** Whether Instantly skips a lead already in the campaign (default true; makes sends idempotent). */
        public Builder skipIfInCampaign(boolean value) {
            skipIfInCampaign = value;
            return this;
        }

        /**
         * The transport (timeouts, retries, backoff, pacing), shared with {@link InstantlyWebhookSubscriber};
         * default {@code ProviderHttp.builder("instantly").requestsPerSecond(10)}.
         */
        public Builder http(ProviderHttp value) {
            if (value == null) {
                throw new ConfigurationException("instantly: http is required");
            }
            http = Optional.of(value);
            return this;
        }

        /** Clock that dates HTTP-date {@code Retry-After} values; default UTC system clock. */
        public Builder clock(Clock value) {
            if (value == null) {
                throw new ConfigurationException("instantly: clock is required");
            }
            clock = value;
            return this;
        }

        /**
         * Builds the provider.
         *
         * @throws ConfigurationException when the key or campaign is missing or malformed, or the base
         *     URI is not an absolute http(s) URI without query
         */
        public InstantlyEmailProvider build() {
            if (apiKey == null || apiKey.isBlank()) {
                throw new ConfigurationException("instantly: apiKey is required");
            }
            if (campaignId == null || campaignId.isBlank()) {
                throw new ConfigurationException("instantly: campaignId (the default Instantly campaign uuid) is required");
            }
            if (!InstantlyApi.isCampaignId(campaignId.trim())) {
                throw new ConfigurationException("instantly: campaignId must be an Instantly campaign uuid");
            }
            ProviderHttp transport = http.orElseGet(() -> ProviderHttp.builder(NAME)
                    .requestsPerSecond(DEFAULT_REQUESTS_PER_SECOND).clock(clock).build());
            InstantlyApi api = new InstantlyApi(validBaseUri(), apiKey.trim(), transport, clock);
            return new InstantlyEmailProvider(api, campaignId.trim(), skipIfInCampaign);
        }

        private String validBaseUri() {
            if (baseUri == null) {
                throw new ConfigurationException("instantly: baseUri is required");
            }
            String scheme = baseUri.getScheme();
            boolean web = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
            if (!web || baseUri.getHost() == null || baseUri.getQuery() != null || baseUri.getFragment() != null) {
                throw new ConfigurationException("instantly: baseUri must be an absolute http(s) URI without query, was "
                        + baseUri);
            }
            return baseUri.toString().replaceAll("/+$", "");
        }
    }
}
