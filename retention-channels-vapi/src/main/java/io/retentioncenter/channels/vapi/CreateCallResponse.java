package io.retentioncenter.channels.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.http.HttpResult;
import io.retentioncenter.core.http.SendResults;
import io.retentioncenter.core.internal.JsonPayload;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.spi.SendResult;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Turns VAPI's answer to {@code POST /call} into a {@link SendResult}. */
final class CreateCallResponse {
    private static final int MAX_ERROR_LENGTH = 300;
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?\\d{7,15}");

    private CreateCallResponse() {
    }

    /**
     * 2xx with a call {@code id}: accepted; 2xx without one: accepted without a reference (VAPI
     * created the call, so it must never be placed again); 429: a retryable rejection honouring
     * {@code Retry-After}; 5xx: an unknown outcome (the call may have been placed); other statuses:
     * permanent with VAPI's message.
     */
    static SendResult toSendResult(HttpResult result, Instant now) {
        if (result.isSuccess()) {
            try {
                JsonNode call = JsonPayload.parseObject(result.body(), JsonPayload.DEFAULT_MAX_BYTES);
                return SendResult.accepted(JsonPayload.requiredText(call, "id", "id"));
            } catch (InvalidPayloadException e) {
                return SendResult.acceptedWithoutReference("VAPI answered " + result.status()
                        + " without a usable call id: " + maskPhones(e.getMessage()));
            }
        }
        return SendResults.httpFailure(result, "VAPI " + result.status() + ": " + errorMessage(result.body()), now);
    }

    /**
     * VAPI's {@code message} (a string or a list of strings), else {@code error}, else the raw body,
     * shortened, with phone-like digit runs masked: the text is logged and stored on the attempt.
     */
    static String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return "no message";
        }
        String message;
        try {
            JsonNode json = JsonPayload.parseObject(body, JsonPayload.DEFAULT_MAX_BYTES);
            message = text(json.get("message")).or(() -> text(json.get("error"))).orElse(body);
        } catch (InvalidPayloadException e) {
            message = body;
        }
        message = maskPhones(message.strip());
        return message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) + "…" : message;
    }

    /** Phone-like digit runs masked: error texts are logged and stored on the attempt. */
    private static String maskPhones(String text) {
        return PHONE_LIKE.matcher(text).replaceAll(m -> Lead.maskPhone(m.group()));
    }

    private static Optional<String> text(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isTextual() && !node.textValue().isBlank()) {
            return Optional.of(node.textValue());
        }
        if (node.isArray() && !node.isEmpty()) {
            return Optional.of(StreamSupport.stream(node.spliterator(), false)
                    .map(JsonNode::asText)
                    .collect(Collectors.joining("; ")));
        }
        return Optional.empty();
    }
}
