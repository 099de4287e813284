package io.retentioncenter.core.inbound.meta;

import com.fasterxml.jackson.databind.JsonNode;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.ProviderException;
import io.retentioncenter.core.http.HttpResult;
import io.retentioncenter.core.internal.InputText;
import io.retentioncenter.core.internal.JsonPayload;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A Graph API lead request failed. {@link #isRetryable()} says whether trying again later may help
 * (429, 5xx, network failures and Graph's throttling codes); the message carries Graph's
 * {@code error.message} and never the access token.
 */
public class GraphApiException extends ProviderException {
    private static final long serialVersionUID = 1L;
    /** Graph throttling codes: app, user, Page and custom rate limits. */
    private static final Set<Integer> THROTTLING_CODES = Set.of(4, 17, 32, 613);
    private static final int MAX_MESSAGE_CHARS = 300;

    private final Integer httpStatus;
    private final Integer graphCode;
    private final boolean retryable;

    /**
     * Creates the exception.
     *
     * @param message what failed, without credentials
     * @param httpStatus the response status, empty when no response arrived
     * @param graphCode Graph's {@code error.code}, when the response had one
     * @param retryable whether trying again later may succeed
     * @param cause the underlying failure, or null
     */
    public GraphApiException(String message, OptionalInt httpStatus, Optional<Integer> graphCode, boolean retryable,
            Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus.isPresent() ? httpStatus.getAsInt() : null;
        this.graphCode = graphCode.orElse(null);
        this.retryable = retryable;
    }

    /** The HTTP status, empty when the request never got a response. */
    public OptionalInt httpStatus() {
        return httpStatus == null ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** Graph's {@code error.code} (e.g. 100 unknown object, 190 bad token, 4/17/32/613 throttled). */
    public Optional<Integer> graphCode() {
        return Optional.ofNullable(graphCode);
    }

    /** True when trying again later may succeed. */
    public boolean isRetryable() {
        return retryable;
    }

    /** The exception for a non-2xx response, reading Graph's {@code {"error":{message, code, is_transient}}}. */
    static GraphApiException of(String leadgenId, HttpResult result, String accessToken) {
        Optional<JsonNode> error = errorObject(result.body());
        Optional<Integer> code = error.map(e -> e.get("code")).filter(JsonNode::isInt).map(JsonNode::intValue);
        boolean transientError = error.map(e -> e.get("is_transient")).filter(JsonNode::isBoolean)
                .map(JsonNode::booleanValue).orElse(false);
        boolean throttled = code.filter(c -> THROTTLING_CODES.contains(c) || (c >= 80000 && c <= 80014)).isPresent();
        String detail = error.map(e -> e.get("message")).filter(JsonNode::isTextual).map(JsonNode::textValue)
                .map(m -> scrub(m, accessToken))
                .orElse("no Graph error message");
        return new GraphApiException("Graph lead " + leadgenId + ": HTTP " + result.status()
                + code.map(c -> ", code " + c).orElse("") + ": " + detail,
                OptionalInt.of(result.status()), code, result.isRetryable() || transientError || throttled, null);
    }

    private static Optional<JsonNode> errorObject(String body) {
        try {
            JsonNode error = JsonPayload.parseObject(body, JsonPayload.DEFAULT_MAX_BYTES).get("error");
            return error != null && error.isObject() ? Optional.of(error) : Optional.empty();
        } catch (InvalidPayloadException e) {
            return Optional.empty();
        }
    }

    private static String scrub(String message, String accessToken) {
        String clean = InputText.flatten(message.replace(accessToken, "***"));
        return clean.length() > MAX_MESSAGE_CHARS ? clean.substring(0, MAX_MESSAGE_CHARS) + "…" : clean;
    }
}
