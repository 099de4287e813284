package io.retentioncenter.channels.sms.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.retentioncenter.channels.sms.SmsEncoding;
import io.retentioncenter.core.spi.SendResult;
import java.util.Optional;

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

    /**
     * Whether an error answer is one the gateway documents as "nothing was sent", so that the same
     * message may be sent again (for example an atomic batch that failed as a whole). Any other 5xx
     * counts as an unknown outcome. Default: false.
     *
     * @param status the HTTP status, not 2xx
     * @param errorBody the parsed error body, when it is a JSON object
     */
    default boolean documentsNothingSent(int status, Optional<JsonNode> errorBody) {
        return false;
    }
}
