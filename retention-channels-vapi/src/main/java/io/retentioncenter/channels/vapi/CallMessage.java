package io.retentioncenter.channels.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.inbound.ProviderEvent;
import io.retentioncenter.core.inbound.ProviderEventType;
import io.retentioncenter.core.internal.InputText;
import io.retentioncenter.core.internal.JsonPayload;
import io.retentioncenter.core.internal.PayloadIds;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The correlation facts every mapped server message shares.
 *
 * @param message the {@code message} object of the envelope
 * @param type the message type, e.g. {@code status-update}
 * @param callId VAPI's call id ({@code message.call.id}), the provider reference
 * @param attemptId our attempt id, when VAPI echoed the {@code rc_attempt_id} metadata
 * @param recipient the customer's number
 * @param occurredAt {@code message.timestamp}, or the receive time when VAPI sent none
 */
record CallMessage(JsonNode message, String type, String callId, Optional<String> attemptId,
        Optional<String> recipient, Instant occurredAt) {
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    /** Reads the facts from {@code message}; throws naming the path when the call or a field is malformed. */
    static CallMessage read(JsonNode message, String type, Clock clock) {
        JsonNode call = JsonPayload.requiredObject(message, "call", "message.call");
        String callId = PayloadIds.required(JsonPayload.requiredText(call, "id", "message.call.id"), "message.call.id");
        return new CallMessage(message, type, callId, attemptId(message, call), recipient(message, call),
                timestamp(message).orElseGet(clock::instant));
    }

    /** A builder for an event of {@code eventType} keyed {@code vapi:<call id>:<type>:<keySuffix>}. */
    ProviderEvent.Builder event(ProviderEventType eventType, String keySuffix) {
        ProviderEvent.Builder builder = ProviderEvent.builder(
                VapiCallProvider.NAME + ":" + callId + ":" + type + ":" + keySuffix,
                Channel.CALL, VapiCallProvider.NAME, eventType, occurredAt);
        builder.providerRef(callId);
        attemptId.ifPresent(builder::attemptId);
        recipient.ifPresent(builder::recipient);
        return builder;
    }

    /**
     * {@code rc_attempt_id} from the metadata VAPI echoes: {@code call.assistantOverrides.metadata} (where
     * {@link VapiCallProvider} puts it), {@code call.metadata}, then the resolved {@code assistant.metadata}.
     */
    private static Optional<String> attemptId(JsonNode message, JsonNode call) {
        Optional<JsonNode> overrides = JsonPayload.optionalObject(call, "assistantOverrides", "message.call.assistantOverrides");
        Optional<JsonNode> assistant = JsonPayload.optionalObject(message, "assistant", "message.assistant");
        return Stream.of(
                        overrides.flatMap(o -> metadataAttemptId(o, "message.call.assistantOverrides.metadata")),
                        metadataAttemptId(call, "message.call.metadata"),
                        assistant.flatMap(a -> metadataAttemptId(a, "message.assistant.metadata")))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<String> metadataAttemptId(JsonNode owner, String path) {
        String idPath = path + "." + CreateCallRequest.METADATA_ATTEMPT_ID;
        return JsonPayload.optionalObject(owner, "metadata", path)
                .flatMap(m -> PayloadIds.optional(JsonPayload.optionalText(m, CreateCallRequest.METADATA_ATTEMPT_ID, idPath),
                        idPath));
    }

    private static Optional<String> recipient(JsonNode message, JsonNode call) {
        return JsonPayload.optionalObject(call, "customer", "message.call.customer")
                .flatMap(c -> PayloadIds.optional(JsonPayload.optionalText(c, "number", "message.call.customer.number"),
                        "message.call.customer.number"))
                .or(() -> JsonPayload.optionalObject(message, "customer", "message.customer")
                        .flatMap(c -> PayloadIds.optional(JsonPayload.optionalText(c, "number", "message.customer.number"),
                                "message.customer.number")));
    }

    /**
     * {@code message.timestamp}: epoch milliseconds (number or digits) or, in older payloads, an ISO-8601
     * string, between 1970 and the end of 9999 (callback times are read relative to it and stored).
     */
    private static Optional<Instant> timestamp(JsonNode message) {
        return rawTimestamp(message).map(at -> {
            if (at.isBefore(Instant.EPOCH) || at.isAfter(LATEST)) {
                throw new InvalidPayloadException("message.timestamp", "must be between 1970 and 9999, was " + at);
            }
            return at;
        });
    }

    private static Optional<Instant> rawTimestamp(JsonNode message) {
        JsonNode node = message.get("timestamp");
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isNumber() && node.canConvertToLong()) {
            return Optional.of(Instant.ofEpochMilli(node.longValue()));
        }
        if (node.isTextual()) {
            String text = node.textValue().trim();
            try {
                return Optional.of(text.chars().allMatch(Character::isDigit) && !text.isEmpty()
                        ? Instant.ofEpochMilli(Long.parseLong(text))
                        : OffsetDateTime.parse(text).toInstant());
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new InvalidPayloadException("message.timestamp",
                        "is neither epoch milliseconds nor an ISO-8601 time: '" + InputText.echo(text) + "'", e);
            }
        }
        throw new InvalidPayloadException("message.timestamp", "must be epoch milliseconds or an ISO-8601 string, was "
                + InputText.echo(node.toString()));
    }
}
