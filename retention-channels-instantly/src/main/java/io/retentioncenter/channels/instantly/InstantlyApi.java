package io.retentioncenter.channels.instantly;

import com.fasterxml.jackson.databind.JsonNode;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.http.BearerRequests;
import io.retentioncenter.core.http.HttpResult;
import io.retentioncenter.core.http.ProviderHttp;
import io.retentioncenter.core.http.ProviderTransportException;
import io.retentioncenter.core.http.Replay;
import io.retentioncenter.core.internal.JsonPayload;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The Instantly API v2 connection shared by the email provider and the webhook subscriber: base URI,
 * bearer key and one paced transport (Instantly's rate limit is workspace-wide, so all calls share it).
 * Never exposes or logs the key.
 */
final class InstantlyApi {
    /** Instantly's public API host. */
    static final URI DEFAULT_BASE_URI = URI.create("https://api.instantly.ai");

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int MAX_ERROR_BODY_BYTES = 64 * 1024;
    private static final int MAX_ERROR_MESSAGE_CHARS = 300;

    private final String baseUri;
    private final String apiKey;
    private final ProviderHttp http;
    private final Clock clock;

    InstantlyApi(String baseUri, String apiKey, ProviderHttp http, Clock clock) {
        this.baseUri = baseUri;
        this.apiKey = apiKey;
        this.http = http;
        this.clock = clock;
    }

    /**
     * POSTs {@code body} as JSON to {@code path} on the transport's threads and hands the answer or
     * the transport failure to {@code handler}; cancelling the result abandons the request.
     */
    <T> CompletableFuture<T> postAsync(String path, JsonNode body, Replay replay,
            BiFunction<HttpResult, ProviderTransportException, T> handler) {
        return http.executeAsync(request(path, body), replay, handler);
    }

    /** POSTs {@code body} as JSON to {@code path}, blocking the caller; never repeated once it may have arrived. */
    HttpResult post(String path, JsonNode body) {
        return http.execute(request(path, body), Replay.UNSAFE);
    }

    /** A GET of {@code pathAndQuery} (read-only, so {@link Replay#SAFE}), blocking the caller. */
    HttpResult get(String pathAndQuery) {
        return http.execute(getRequest(pathAndQuery), Replay.SAFE);
    }

    /** A GET request of {@code pathAndQuery} with the key. */
    HttpRequest getRequest(String pathAndQuery) {
        return BearerRequests.get(URI.create(baseUri + pathAndQuery), apiKey);
    }

    /** The transport. */
    ProviderHttp http() {
        return http;
    }

    /** The longest one call takes, every try included. */
    Duration maxCallTime() {
        return http.maxCallTime();
    }

    /** The clock used to interpret {@code Retry-After} dates. */
    Clock clock() {
        return clock;
    }

    /** Whether {@code value} is a canonical UUID, the form of every Instantly campaign id. */
    static boolean isCampaignId(String value) {
        return value != null && UUID.matcher(value).matches();
    }

    /**
     * The {@code id} of the object a 2xx answer carries (a lead, a webhook).
     *
     * @throws InvalidPayloadException when the body is not a JSON object with a non-blank {@code id}
     */
    static String createdId(HttpResult result) {
        return JsonPayload.requiredText(JsonPayload.parseObject(result.body(), JsonPayload.DEFAULT_MAX_BYTES), "id", "id");
    }

    /** {@code HTTP <status>} plus Instantly's error {@code message} when the body carries one. */
    static String describe(HttpResult result) {
        return "HTTP " + result.status() + errorMessage(result).map(m -> ": " + m).orElse("");
    }

    /**
     * Instantly's error {@code message} ({@code {statusCode, error, message}}); validation errors may
     * carry an array of messages, which are joined. Empty when the body is not such an object.
     */
    static Optional<String> errorMessage(HttpResult result) {
        JsonNode message;
        try {
            message = JsonPayload.parseObject(result.body(), MAX_ERROR_BODY_BYTES).path("message");
        } catch (InvalidPayloadException e) {
            return Optional.empty();
        }
        String text = message.isArray()
                ? StreamSupport.stream(message.spliterator(), false)
                        .filter(JsonNode::isTextual).map(JsonNode::textValue).collect(Collectors.joining("; "))
                : message.isTextual() ? message.textValue() : "";
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(trimmed.length() > MAX_ERROR_MESSAGE_CHARS
                ? trimmed.substring(0, MAX_ERROR_MESSAGE_CHARS) + "…" : trimmed);
    }

    private HttpRequest request(String path, JsonNode body) {
        return HttpRequest.newBuilder(URI.create(baseUri + path))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
    }
}
