package io.retentioncenter.channels.sms.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.retentioncenter.channels.sms.PhoneNumbers;
import io.retentioncenter.channels.sms.SmsEncoding;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.http.HttpResult;
import io.retentioncenter.core.http.ProviderHttp;
import io.retentioncenter.core.http.Replay;
import io.retentioncenter.core.http.SendResults;
import io.retentioncenter.core.internal.JsonPayload;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.spi.OutboundMessage;
import io.retentioncenter.core.spi.SendResult;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one SMS as an authenticated JSON POST and turns every outcome into a {@link SendResult}:
 * a non-E.164 recipient or empty text fails permanently without a request; 2xx is read by the
 * gateway's {@link SmsWireFormat} (an unreadable 2xx answer counts as sent without a message id);
 * 429 and a request that never reached the gateway are retryable rejections; a 5xx or a request that
 * may have arrived without an answer is an unknown outcome (never sent again), unless the gateway
 * documents that error as "nothing sent"; other 4xx are permanent. The request is never repeated once
 * it may have reached the gateway: neither gateway takes an idempotency key. Thread-safe.
 */
public final class SmsApiClient {
    private static final Logger log = LoggerFactory.getLogger(SmsApiClient.class);
    private static final int MAX_RESPONSE_BYTES = JsonPayload.DEFAULT_MAX_BYTES;
    private static final int MAX_ERROR_TEXT = 200;

    private final String provider;
    private final URI endpoint;
    private final String apiKeyHeader;
    private final String apiKey;
    private final ProviderHttp http;
    private final Clock clock;

    /**
     * Creates a client.
     *
     * @param provider the provider name, prefixed to error texts
     * @param endpoint the absolute send URL
     * @param apiKeyHeader the header carrying the key, e.g. {@code X-API-Key}
     * @param apiKey the key
     * @param http the transport (timeouts, retries, pacing)
     * @param clock the clock that dates {@code Retry-After}
     * @throws ConfigurationException when a setting is missing
     */
    public SmsApiClient(String provider, URI endpoint, String apiKeyHeader, String apiKey, ProviderHttp http,
            Clock clock) {
        if (provider == null || provider.isBlank()) {
            throw new ConfigurationException("SMS client: provider name is required");
        }
        this.provider = provider;
        this.endpoint = present(endpoint, provider + ": endpoint");
        this.apiKeyHeader = required(apiKeyHeader, provider + ": apiKeyHeader");
        this.apiKey = required(apiKey, provider + ": apiKey");
        this.http = present(http, provider + ": http");
        this.clock = present(clock, provider + ": clock");
    }

    /**
     * Sends {@code message} in {@code format}; the stage never completes exceptionally for provider
     * or network problems.
     */
    public CompletionStage<SendResult> send(OutboundMessage message, SmsWireFormat format) {
        Require.present(message, "message");
        Require.present(format, "format");
        Optional<String> recipient = PhoneNumbers.toE164(message.recipient());
        if (recipient.isEmpty()) {
            return CompletableFuture.completedFuture(
                    SendResult.permanentFailure(provider + ": recipient is not an E.164 phone number"));
        }
        if (message.body() == null || message.body().isBlank()) {
            return CompletableFuture.completedFuture(SendResult.permanentFailure(provider + ": body is empty"));
        }
        SmsEncoding encoding = SmsEncoding.of(message.body());
        log.debug("{}: sending attempt {} to {} ({} segment(s), {})", provider, message.attemptId(),
                Lead.maskPhone(recipient.get()), encoding.segments(), encoding.charset().label());
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header(apiKeyHeader, apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(
                        format.requestBody(recipient.get(), message.body()).toString(), StandardCharsets.UTF_8))
                .build();
        return http.executeAsync(request, Replay.UNSAFE, (result, error) -> {
            SendResult outcome = result != null ? classify(result, format, encoding)
                    : SendResults.transportFailure(provider, error);
            if (!outcome.accepted()) {
                log.warn("{}: attempt {} not sent ({}): {}", provider, message.attemptId(), describe(outcome),
                        outcome.error().orElse(""));
            }
            return outcome;
        });
    }

    /** Maximum time one send takes, every try included: the transport's total timeout. */
    public Duration maxSendTime() {
        return http.maxCallTime();
    }

    private static String describe(SendResult outcome) {
        return switch (outcome.outcome()) {
            case UNKNOWN -> "outcome unknown";
            case REJECTED -> outcome.retryable() ? "retryable" : "permanent";
            case ACCEPTED -> "accepted";
        };
    }

    private SendResult classify(HttpResult result, SmsWireFormat format, SmsEncoding encoding) {
        if (result.isSuccess()) {
            try {
                return format.readAccepted(JsonPayload.parseObject(result.body(), MAX_RESPONSE_BYTES), encoding);
            } catch (InvalidPayloadException e) {
                log.warn("{}: unreadable answer to HTTP {}; counted as sent without a message id", provider,
                        result.status());
                return SendResult.acceptedWithoutReference(provider + ": HTTP " + result.status()
                        + " with an unreadable body: " + PhoneNumbers.maskPhonesIn(e.getMessage()));
            }
        }
        String error = provider + ": HTTP " + result.status() + errorText(result.body());
        if (format.documentsNothingSent(result.status(), errorBody(result.body()))) {
            return SendResult.retryableFailure(error, result.retryAfter(clock.instant()));
        }
        return SendResults.httpFailure(result, error, clock.instant());
    }

    private static Optional<JsonNode> errorBody(String body) {
        try {
            return Optional.of(JsonPayload.parseObject(body, MAX_RESPONSE_BYTES));
        } catch (InvalidPayloadException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code " CODE: description"} from a JSON error body ({@code error_code}, {@code error} or
     * {@code code}; {@code description}, {@code message} or {@code detail}) with phone-like digit
     * runs masked; empty when the body is not JSON.
     */
    private static String errorText(String body) {
        Optional<JsonNode> parsed = errorBody(body);
        if (parsed.isEmpty()) {
            return "";
        }
        JsonNode node = parsed.get();
        Optional<String> code = firstText(node, "error_code", "error", "code");
        Optional<String> description = firstText(node, "description", "message", "detail");
        String text = code.map(c -> " " + c).orElse("") + description.map(d -> ": " + d).orElse("");
        String masked = PhoneNumbers.maskPhonesIn(text);
        return masked.length() > MAX_ERROR_TEXT ? masked.substring(0, MAX_ERROR_TEXT) + "…" : masked;
    }

    private static Optional<String> firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value != null && value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
                return Optional.of(value.asText().trim());
            }
        }
        return Optional.empty();
    }

    /**
     * The send URL: {@code path} appended to {@code baseUri}, which must be an absolute http(s) URI.
     *
     * @throws ConfigurationException naming {@code baseUri} or {@code path} when unusable
     */
    public static URI endpoint(URI baseUri, String path) {
        present(baseUri, "SMS client: baseUri");
        String scheme = baseUri.getScheme();
        if (!baseUri.isAbsolute() || baseUri.getHost() == null
                || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new ConfigurationException("SMS client: baseUri must be an absolute http(s) URI, was " + baseUri);
        }
        String relative = required(path, "SMS client: path");
        if (!relative.startsWith("/") || relative.contains("?") || relative.contains("#")) {
            throw new ConfigurationException("SMS client: path must start with '/' and carry no query, was " + relative);
        }
        String base = baseUri.toString();
        try {
            return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + relative);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("SMS client: path is not a valid URI path: " + relative);
        }
    }

    private static String required(String setting, String label) {
        if (setting == null || setting.isBlank()) {
            throw new ConfigurationException(label + " is required");
        }
        return setting.trim();
    }

    private static <T> T present(T setting, String label) {
        if (setting == null) {
            throw new ConfigurationException(label + " is required");
        }
        return setting;
    }
}
