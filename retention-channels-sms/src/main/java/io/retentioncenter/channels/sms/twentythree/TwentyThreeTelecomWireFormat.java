package io.retentioncenter.channels.sms.twentythree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retentioncenter.channels.sms.SmsEncoding;
import io.retentioncenter.channels.sms.http.SmsWireFormat;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.internal.JsonPayload;
import io.retentioncenter.core.spi.SendResult;
import java.util.Optional;

/**
 * 23 Telecom REST v1 {@code POST /sms/send}: request {@code {"to":[e164], "message", "sender_id"}};
 * 200 answer {@code {status:true, results:[{dnis, message_id, segments, status:"accepted"|…}], …}}.
 */
final class TwentyThreeTelecomWireFormat implements SmsWireFormat {
    private final String senderId;

    TwentyThreeTelecomWireFormat(String senderId) {
        this.senderId = senderId;
    }

    /** {@code {"to":[recipient], "message": text, "sender_id": senderId}}. */
    @Override
    public JsonNode requestBody(String e164Recipient, String text) {
        ObjectNode body = JsonPayload.mapper().createObjectNode();
        body.putArray("to").add(e164Recipient);
        body.put("message", text);
        body.put("sender_id", senderId);
        return body;
    }

    /**
     * True for HTTP 500 with {@code error_code} {@code DB_ERROR}: 23 Telecom documents that a batch
     * is atomic and such a failure sent nothing, so sending again is safe.
     */
    @Override
    public boolean documentsNothingSent(int status, Optional<JsonNode> errorBody) {
        return status == 500 && errorBody.map(b -> b.path("error_code").asText("")).filter("DB_ERROR"::equals)
                .isPresent();
    }

    /** Accepted when {@code status} is true and {@code results[0].status} is {@code accepted}. */
    @Override
    public SendResult readAccepted(JsonNode response, SmsEncoding encoding) {
        JsonNode status = response.get("status");
        if (status == null || !status.isBoolean()) {
            throw new InvalidPayloadException("status", "must be a boolean");
        }
        if (!status.booleanValue()) {
            return SendResult.permanentFailure(TwentyThreeTelecomSmsProvider.NAME + ": status false "
                    + JsonPayload.optionalText(response, "error_code", "error_code").orElse("without error_code"));
        }
        JsonNode results = JsonPayload.requiredArray(response, "results", "results");
        if (results.isEmpty() || !results.get(0).isObject()) {
            throw new InvalidPayloadException("results[0]", "must be an object");
        }
        JsonNode result = results.get(0);
        String recipientStatus = JsonPayload.requiredText(result, "status", "results[0].status");
        if (!"accepted".equalsIgnoreCase(recipientStatus)) {
            return SendResult.permanentFailure(TwentyThreeTelecomSmsProvider.NAME
                    + ": recipient not accepted, results[0].status " + recipientStatus);
        }
        return SendResult.accepted(JsonPayload.requiredText(result, "message_id", "results[0].message_id"),
                encoding.details());
    }
}
