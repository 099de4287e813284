package io.retentioncenter.channels.sms.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.retentioncenter.channels.sms.SmsEncoding;
import io.retentioncenter.core.spi.SendResult;

/** A gateway's JSON send contract: the request body for one SMS and the reading of a 2xx answer. */
public interface SmsWireFormat {

    /**
     * The JSON request body.
     *
     * @param e164Recipient the destination, E.164 with {@code +}
     * @param text the rendered message
     */
    JsonNode requestBody(String e164Recipient, String text);

    /**
     * Reads a 2xx answer: accepted with the provider's message id, or a failure the gateway reported
     * inside a successful HTTP response.
     *
     * @param response the parsed response object
     * @param encoding the message's encoding, for the accepted result's details
     * @throws io.retentioncenter.core.InvalidPayloadException naming the field when the answer is unusable
     */
    SendResult readAccepted(JsonNode response, SmsEncoding encoding);
}
