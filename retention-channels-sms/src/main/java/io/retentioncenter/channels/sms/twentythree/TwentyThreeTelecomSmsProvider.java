package io.retentioncenter.channels.sms.twentythree;

import io.retentioncenter.channels.sms.http.SmsApiClient;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.Require;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.http.ProviderHttp;
import io.retentioncenter.core.spi.ChannelProvider;
import io.retentioncenter.core.spi.OutboundMessage;
import io.retentioncenter.core.spi.SendResult;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * SMS through the 23 Telecom REST API v1 ({@code POST {baseUri}/sms/send}, {@code X-API-Key}),
 * one recipient per request. Accepted sends carry the 23 Telecom {@code message_id} as provider
 * reference and the encoding, segment and character counts as details. Sends are not idempotent:
 * the API takes no idempotency key. Thread-safe.
 */
public final class TwentyThreeTelecomSmsProvider implements ChannelProvider {
    /** The provider name stored on attempts and events. */
    public static final String NAME = "23telecom";
    /** The documented API base. */
    public static final URI DEFAULT_BASE_URI = URI.create("https://restlink23telecom.com/api/v1");

    private static final Pattern ALPHANUMERIC_SENDER = Pattern.compile("[A-Za-z][A-Za-z0-9]{2,10}");
    private static final Pattern NUMERIC_SENDER = Pattern.compile("\\+?[1-9]\\d{6,14}");

    private final SmsApiClient client;
    private final TwentyThreeTelecomWireFormat format;

    private TwentyThreeTelecomSmsProvider(Builder b) {
        this.format = new TwentyThreeTelecomWireFormat(b.senderId);
        this.client = new SmsApiClient(NAME, SmsApiClient.endpoint(b.baseUri, "/sms/send"), "X-API-Key", b.apiKey,
                b.http == null ? ProviderHttp.builder(NAME).build() : b.http, b.clock);
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@link Channel#SMS}. */
    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    /** {@value #NAME}. */
    @Override
    public String name() {
        return NAME;
    }

    /** Sends one SMS; see {@link SmsApiClient} for how outcomes are classified. */
    @Override
    public CompletionStage<SendResult> send(OutboundMessage message) {
        return client.send(Require.present(message, "message"), format);
    }

    /** False: 23 Telecom has no idempotency key, so a lost outcome must not be re-sent. */
    @Override
    public boolean idempotentSends() {
        return false;
    }

    /** Builder; {@link #apiKey} and {@link #senderId} are required. */
    public static final class Builder {
        private String apiKey;
        private String senderId;
        private URI baseUri = DEFAULT_BASE_URI;
        private ProviderHttp http;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The API key sent as {@code X-API-Key} (needs permission {@code sms.send}). */
        public Builder apiKey(String value) {
            apiKey = value;
            return this;
        }

        /**
         * The sender: 3–11 letters and digits not starting with a digit (e.g. {@code ExampleCo}), or a
         * phone number (7–15 digits, optional {@code +}).
         */
        public Builder senderId(String value) {
            senderId = value;
            return this;
        }

        /** API base, default {@code https://restlink23telecom.com/api/v1}. */
        public Builder baseUri(URI value) {
            baseUri = value;
            return this;
        }

        /** The transport (timeouts, retries, backoff, pacing); default {@code ProviderHttp.builder("23telecom")}. */
        public Builder http(ProviderHttp value) {
            if (value == null) {
                throw new ConfigurationException(NAME + ": http is required");
            }
            http = value;
            return this;
        }

        /** Clock that dates HTTP-date {@code Retry-After} values; default UTC system clock. */
        public Builder clock(Clock value) {
            if (value == null) {
                throw new ConfigurationException(NAME + ": clock is required");
            }
            clock = value;
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
            return new TwentyThreeTelecomSmsProvider(this);
        }
    }
}
