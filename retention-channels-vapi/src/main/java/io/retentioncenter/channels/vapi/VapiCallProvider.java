package io.retentioncenter.channels.vapi;

import io.retentioncenter.core.ConfigurationException;
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
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CALL channel on VAPI: places one outbound AI voice call per attempt with {@code POST /call}.
 *
 * <p>Assistant, phone number and first message come from the message settings (script settings over
 * campaign settings, keys {@link #SETTING_ASSISTANT_ID}, {@link #SETTING_PHONE_NUMBER_ID},
 * {@link #SETTING_FIRST_MESSAGE}) and fall back to the builder's integration defaults. The attempt,
 * lead and campaign ids travel in {@code assistantOverrides.metadata} so that
 * {@link VapiServerMessages} can match the call's server messages back to the attempt. Thread-safe.
 */
public final class VapiCallProvider implements ChannelProvider {
    /** The provider name stored on attempts and events. */
    public static final String NAME = "vapi";
    /** Setting key for the VAPI assistant id. */
    public static final String SETTING_ASSISTANT_ID = "vapi.assistantId";
    /** Setting key for the VAPI phone number id the call is placed from. */
    public static final String SETTING_PHONE_NUMBER_ID = "vapi.phoneNumberId";
    /** Setting key for an optional first sentence overriding the assistant's own. */
    public static final String SETTING_FIRST_MESSAGE = "vapi.firstMessage";

    private static final Logger log = LoggerFactory.getLogger(VapiCallProvider.class);
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

    private final String apiKey;
    private final Optional<String> defaultAssistantId;
    private final Optional<String> defaultPhoneNumberId;
    private final URI callUri;
    private final CreateCallRequest requestShape;
    private final ProviderHttp http;
    private final Clock clock;
    private final VapiDirectory directory;

    private VapiCallProvider(Builder b) {
        this.apiKey = b.apiKey;
        this.defaultAssistantId = b.assistantId;
        this.defaultPhoneNumberId = b.phoneNumberId;
        this.callUri = URI.create(b.baseUri.toString().replaceAll("/+$", "") + "/call");
        this.requestShape = new CreateCallRequest(b.serverMessages, b.maxDurationSeconds);
        this.http = b.http.orElseGet(() -> ProviderHttp.builder(NAME)
                .maxConcurrent(Builder.DEFAULT_MAX_CONCURRENT_REQUESTS).clock(b.clock).build());
        this.clock = b.clock;
        this.directory = new VapiDirectory(b.baseUri.toString().replaceAll("/+$", ""), apiKey, http);
    }

    /** Starts a builder; {@link Builder#apiKey} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@link Channel#CALL}. */
    @Override
    public Channel channel() {
        return Channel.CALL;
    }

    /** {@value #NAME}. */
    @Override
    public String name() {
        return NAME;
    }

    /**
     * Creates the call, once: VAPI takes no idempotency key, so the request is never repeated once it
     * may have reached VAPI. The stage completes accepted with the VAPI call id (or without one when a
     * 2xx body is unreadable); as a retryable rejection on 429 or when VAPI was never reached; as an
     * unknown outcome on a 5xx, a timeout or a connection lost after sending; as a permanent
     * rejection on other 4xx (VAPI's message included), a recipient that is not E.164, or a missing
     * assistant / phone number id (the failure names the setting). Cancelling the stage abandons the
     * request.
     *
     * @throws ValidationException when {@code message} is null, not a CALL message, or lacks its ids
     */
    @Override
    public CompletionStage<SendResult> send(OutboundMessage message) {
        Require.present(message, "message");
        Require.text(message.attemptId(), "message.attemptId");
        Require.text(message.leadId(), "message.leadId");
        Require.text(message.campaignId(), "message.campaignId");
        if (message.channel() != Channel.CALL) {
            throw new ValidationException("message.channel", "must be CALL for VAPI, was " + message.channel());
        }
        if (message.recipient() == null || !E164.matcher(message.recipient()).matches()) {
            return CompletableFuture.completedFuture(
                    SendResult.permanentFailure("recipient is not an E.164 phone number"));
        }
        Optional<String> assistantId = message.setting(SETTING_ASSISTANT_ID).or(() -> defaultAssistantId);
        if (assistantId.isEmpty()) {
            return missingSetting(SETTING_ASSISTANT_ID, "assistantId");
        }
        Optional<String> phoneNumberId = message.setting(SETTING_PHONE_NUMBER_ID).or(() -> defaultPhoneNumberId);
        if (phoneNumberId.isEmpty()) {
            return missingSetting(SETTING_PHONE_NUMBER_ID, "phoneNumberId");
        }
        CallTarget target = new CallTarget(assistantId.get(), phoneNumberId.get(),
                message.setting(SETTING_FIRST_MESSAGE));
        HttpRequest request = HttpRequest.newBuilder(callUri)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(requestShape.body(message, target).toString()))
                .build();
        return http.executeAsync(request, Replay.UNSAFE, (result, error) -> outcome(message, result, error));
    }

    /** Checks the API key with one read-only call: {@code GET /assistant?limit=1}. */
    @Override
    public ConnectionCheck checkConnection() {
        return ConnectionProbe.probe(http, directory.get(VapiDirectory.ASSISTANTS_PATH + "?limit=1"), "VAPI");
    }

    /**
     * The organization's assistants ({@code GET /assistant}, up to 1000): their ids are what
     * {@link #SETTING_ASSISTANT_ID} and {@link Builder#assistantId} take. Read-only; blocks the caller.
     *
     * @throws ProviderException when VAPI refuses, answers an unreadable list or is unreachable
     */
    public List<VapiAssistant> assistants() {
        return directory.assistants();
    }

    /**
     * The organization's phone numbers ({@code GET /phone-number}, up to 1000): their ids are what
     * {@link #SETTING_PHONE_NUMBER_ID} and {@link Builder#phoneNumberId} take. Read-only; blocks the
     * caller.
     *
     * @throws ProviderException when VAPI refuses, answers an unreadable list or is unreachable
     */
    public List<VapiPhoneNumber> phoneNumbers() {
        return directory.phoneNumbers();
    }

    /** The transport's total timeout: the longest one send takes, every try included. */
    @Override
    public Optional<Duration> maxSendTime() {
        return Optional.of(http.maxCallTime());
    }

    /** False: VAPI has no idempotency key, so re-sending a lost create would place a second call. */
    @Override
    public boolean idempotentSends() {
        return false;
    }

    private SendResult outcome(OutboundMessage message, HttpResult result, ProviderTransportException error) {
        if (error != null) {
            log.warn("VAPI gave no answer for attempt {} to {}: {}", message.attemptId(),
                    Lead.maskPhone(message.recipient()), error.getMessage());
            return SendResults.transportFailure("VAPI", error);
        }
        SendResult sendResult = CreateCallResponse.toSendResult(result, clock.instant());
        if (sendResult.accepted() && sendResult.providerRef().isPresent()) {
            log.debug("VAPI call {} created for attempt {}", sendResult.providerRef().get(), message.attemptId());
        } else if (sendResult.accepted()) {
            log.warn("VAPI answered attempt {} with HTTP {} but no readable call id; counted as placed",
                    message.attemptId(), result.status());
        } else {
            log.warn("VAPI call for attempt {} to {} not created: {}", message.attemptId(),
                    Lead.maskPhone(message.recipient()), sendResult.error().orElse(""));
        }
        return sendResult;
    }

    private static CompletionStage<SendResult> missingSetting(String key, String builderMethod) {
        return CompletableFuture.completedFuture(SendResult.permanentFailure("VAPI setting " + key
                + " is missing: set it on the script or campaign, or call VapiCallProvider.Builder." + builderMethod));
    }

    /**
     * Builder. Defaults: base {@code https://api.vapi.ai}, {@code maxDurationSeconds} 300, server messages
     * {@code status-update} and {@code end-of-call-report}, and core's {@link ProviderHttp} bounded to
     * 4 create-call requests in flight.
     */
    public static final class Builder {
        private static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 4;

        private String apiKey;
        private Optional<String> assistantId = Optional.empty();
        private Optional<String> phoneNumberId = Optional.empty();
        private URI baseUri = URI.create("https://api.vapi.ai");
        private int maxDurationSeconds = 300;
        private List<String> serverMessages = List.of("status-update", "end-of-call-report");
        private Optional<ProviderHttp> http = Optional.empty();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The VAPI private API key (never the public key), sent as {@code Authorization: Bearer}. Required. */
        public Builder apiKey(String value) {
            apiKey = configured(value, "apiKey");
            return this;
        }

        /** Integration default assistant id, used when neither script nor campaign sets {@link VapiCallProvider#SETTING_ASSISTANT_ID}. */
        public Builder assistantId(String value) {
            assistantId = Optional.of(configured(value, "assistantId"));
            return this;
        }

        /** Integration default phone number id, used when neither script nor campaign sets {@link VapiCallProvider#SETTING_PHONE_NUMBER_ID}. */
        public Builder phoneNumberId(String value) {
            phoneNumberId = Optional.of(configured(value, "phoneNumberId"));
            return this;
        }

        /** API base, e.g. {@code https://api.vapi.ai}; {@code /call} is appended. */
        public Builder baseUri(URI value) {
            if (value == null || value.getHost() == null
                    || !("https".equals(value.getScheme()) || "http".equals(value.getScheme()))) {
                throw new ConfigurationException("vapi: baseUri must be an absolute http(s) URI, was " + value);
            }
            baseUri = value;
            return this;
        }

        /** Longest call in seconds, sent as {@code assistantOverrides.maxDurationSeconds} (VAPI allows 10 to 43200). */
        public Builder maxDurationSeconds(int value) {
            if (value < 10 || value > 43_200) {
                throw new ConfigurationException("vapi: maxDurationSeconds must be between 10 and 43200, was " + value);
            }
            maxDurationSeconds = value;
            return this;
        }

        /** Server message types VAPI should post to the server URL for calls placed by this provider. */
        public Builder serverMessages(List<String> value) {
            if (value == null || value.isEmpty() || value.stream().anyMatch(v -> v == null || v.isBlank())) {
                throw new ConfigurationException("vapi: serverMessages must be a non-empty list of message types");
            }
            serverMessages = List.copyOf(value);
            return this;
        }

        /**
         * The transport (timeouts, retries, backoff, pacing); default {@code ProviderHttp.builder("vapi")
         * .maxConcurrent(4)}. Its concurrency bounds create-call requests in flight, not live calls.
         */
        public Builder http(ProviderHttp value) {
            if (value == null) {
                throw new ConfigurationException("vapi: http is required");
            }
            http = Optional.of(value);
            return this;
        }

        /** Clock that dates HTTP-date {@code Retry-After} values; default UTC system clock. */
        public Builder clock(Clock value) {
            if (value == null) {
                throw new ConfigurationException("vapi: clock is required");
            }
            clock = value;
            return this;
        }

        /**
         * Builds the provider.
         *
         * @throws ConfigurationException when the API key is missing
         */
        public VapiCallProvider build() {
            if (apiKey == null) {
                throw new ConfigurationException("vapi: apiKey is required (the VAPI private API key)");
            }
            return new VapiCallProvider(this);
        }

        private static String configured(String value, String field) {
            if (value == null || value.isBlank()) {
                throw new ConfigurationException("vapi: " + field + " must not be blank");
            }
            return value.trim();
        }
    }
}
