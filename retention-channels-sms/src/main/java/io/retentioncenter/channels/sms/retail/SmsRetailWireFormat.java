package io.retentioncenter.channels.sms.retail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retentioncenter.channels.sms.PhoneNumbers;
import io.retentioncenter.channels.sms.SmsEncoding;
import io.retentioncenter.channels.sms.http.SmsWireFormat;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.internal.JsonPayload;
import io.retentioncenter.core.spi.SendResult;

/**
 * The SMS-Retail send contract as the original application used it (unverified, no public docs):
 * request {@code {"messages":[{"phone": digits without '+', "text", "type"}]}}, answer
 * {@code {success, messages:[{id, phone}]}}.
 */
final class SmsRetailWireFormat implements SmsWireFormat {
    private final String type;

    SmsRetailWireFormat(String type) {
        this.type = type;
    }

    /** {@code {"messages":[{"phone", "text", "type"}]}} with the phone's {@code +} dropped. */
    @Override
    public JsonNode requestBody(String e164Recipient, String text) {
        ObjectNode body = JsonPayload.mapper().createObjectNode();
        body.putArray("messages").addObject()
                .put("phone", e164Recipient.substring(1))
                .put("text", text)
                .put("type", type);
        return body;
    }

    /** Accepted when {@code success} is true and {@code messages[0].id} is present. */
    @Override
    public SendResult readAccepted(JsonNode response, SmsEncoding encoding) {
        JsonNode success = response.get("success");
        if (success == null || !success.isBoolean()) {
            throw new InvalidPayloadException("success", "must be a boolean");
        }
        if (!success.booleanValue()) {
            return SendResult.permanentFailure(SmsRetailProvider.NAME + ": success false"
                    + JsonPayload.optionalText(response, "error", "error")
                            .map(e -> ": " + PhoneNumbers.maskPhonesIn(e)).orElse(""));
        }
        JsonNode messages = JsonPayload.requiredArray(response, "messages", "messages");
        if (messages.isEmpty() || !messages.get(0).isObject()) {
            throw new InvalidPayloadException("messages[0]", "must be an object");
        }
        return SendResult.accepted(JsonPayload.requiredText(messages.get(0), "id", "messages[0].id"),
                encoding.details());
    }
}
