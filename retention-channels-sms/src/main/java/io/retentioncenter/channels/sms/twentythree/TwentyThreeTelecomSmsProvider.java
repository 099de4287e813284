package io.retentioncenter.channels.sms.twentythree;

import io.retentioncenter.channels.sms.http.SmsApiClient;
import io.retentioncenter.channels.sms.http.SmsGatewayProvider;
import io.retentioncenter.channels.sms.http.SmsProviderBuilder;
import io.retentioncenter.core.ConfigurationException;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * SMS through the 23 Telecom REST API v1 ({@code POST {baseUri}/sms/send}, {@code X-API-Key}),
 * one recipient per request. Accepted sends carry the 23 Telecom {@code message_id} as provider
 * reference and the encoding, segment and character counts as details. Sends are not idempotent:
 * the API takes no idempotency key. Thread-safe.
 */
public final class TwentyThreeTelecomSmsProvider extends SmsGatewayProvider {
    /** The provider name stored on attempts and events. */
    public static final String NAME = "23telecom";
    /** The documented API base. */
    public static final URI DEFAULT_BASE_URI = URI.create("https://restlink23telecom.com/api/v1");

    private static final Pattern ALPHANUMERIC_SENDER = Pattern.compile("[A-Za-z][A-Za-z0-9]{2,10}");
    private static final Pattern NUMERIC_SENDER = Pattern.compile("\\+?[1-9]\\d{6,14}");

    private TwentyThreeTelecomSmsProvider(SmsApiClient client, TwentyThreeTelecomWireFormat format) {
        super(NAME, client, format);
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builder; {@link #apiKey} (sent as {@code X-API-Key}, needs permission {@code sms.send}) and
     * {@link #senderId} are required. Defaults: base {@code https://restlink23telecom.com/api/v1} and
     * {@code ProviderHttp.builder("23telecom")} as transport.
     */
    public static final class Builder extends SmsProviderBuilder<Builder> {
        private String senderId;

        private Builder() {
            super(NAME, DEFAULT_BASE_URI);
        }

        /**
         * The sender: 3–11 letters and digits not starting with a digit (e.g. {@code ExampleCo}), or a
         * phone number (7–15 digits, optional {@code +}).
         */
        public Builder senderId(String value) {
            if (value == null || value.isBlank()) {
                throw new ConfigurationException(NAME + ": senderId must not be blank");
            }
            senderId = value.trim();
            return this;
        }

        /**
         * Builds the provider.
         *
         * @throws ConfigurationException naming the setting that is missing or invalid
         */
        public TwentyThreeTelecomSmsProvider build() {
            if (senderId == null || !(ALPHANUMERIC_SENDER.matcher(senderId).matches()
                    || NUMERIC_SENDER.matcher(senderId).matches())) {
                throw new ConfigurationException(NAME + ": senderId must be 3-11 letters/digits not starting with a"
                        + " digit, or a phone number; was " + senderId);
            }
            return new TwentyThreeTelecomSmsProvider(client("/sms/send", "X-API-Key"),
                    new TwentyThreeTelecomWireFormat(senderId));
        }
    }
}
