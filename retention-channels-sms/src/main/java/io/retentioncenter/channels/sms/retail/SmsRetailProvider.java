package io.retentioncenter.channels.sms.retail;

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

/**
 * SMS through SMS-Retail ({@code sms-retail.io}). The provider publishes no API documentation: this
 * implements the contract the original application used, with every part configurable so it can be
 * adapted once the provider confirms it — base URI, key header, path and message {@code type}.
 * Defaults: {@code POST https://sms-retail.io/ext/api/v1/messages/send}, {@code X-API-Key},
 * body {@code {"messages":[{"phone":"14155550123","text":…,"type":"sms"}]}}, answer
 * {@code {success, messages:[{id, phone}]}}. Not idempotent. Thread-safe.
 */
public final class SmsRetailProvider implements ChannelProvider {
    /** The provider name stored on attempts and events. */
    public static final String NAME = "sms-retail";
    /** Base URI used by the original application. */
    public static final URI DEFAULT_BASE_URI = URI.create("https://sms-retail.io");
    /** Send path used by the original application. */
    public static final String DEFAULT_PATH = "/ext/api/v1/messages/send";
    /** Default message {@code type}. */
    public static final String DEFAULT_TYPE = "sms";

    private final SmsApiClient client;
    private final SmsRetailWireFormat format;

    private SmsRetailProvider(Builder b) {
        this.format = new SmsRetailWireFormat(b.type.trim());
        this.client = new SmsApiClient(NAME, SmsApiClient.endpoint(b.baseUri, b.path), b.apiKeyHeader, b.apiKey,
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

    /** Sends one message; see {@link SmsApiClient} for how outcomes are classified. */
    @Override
    public CompletionStage<SendResult> send(OutboundMessage message) {
        return client.send(Require.present(message, "message"), format);
    }

    /** False: no idempotency key is known for this API. */
    @Override
    public boolean idempotentSends() {
        return false;
    }

    /** Builder; only {@link #apiKey} is required. */
    public static final class Builder {
        private String apiKey;
        private String apiKeyHeader = "X-API-Key";
        private URI baseUri = DEFAULT_BASE_URI;
        private String path = DEFAULT_PATH;
        private String type = DEFAULT_TYPE;
        private ProviderHttp http;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The API key. */
        public Builder apiKey(String value) {
            apiKey = value;
            return this;
        }

        /** Header carrying the key; default {@code X-API-Key}. */
        public Builder apiKeyHeader(String value) {
            apiKeyHeader = value;
            return this;
        }

        /** API base; default {@code https://sms-retail.io}. */
        public Builder baseUri(URI value) {
            baseUri = value;
            return this;
        }

        /** Send path under the base; default {@value SmsRetailProvider#DEFAULT_PATH}. */
        public Builder path(String value) {
            path = value;
            return this;
        }

        /**
         * The {@code type} of each message; default {@code sms}. The original application sent
         * messenger channels here ({@code whatsapp}, {@code telegram}, {@code imo}, {@code viber}).
         */
        public Builder type(String value) {
            type = value;
            return this;
        }

        /** The transport (timeouts, retries, backoff, pacing); default {@code ProviderHttp.builder("sms-retail")}. */
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
        public SmsRetailProvider build() {
            if (type == null || type.isBlank()) {
                throw new ConfigurationException(NAME + ": type is required");
            }
            return new SmsRetailProvider(this);
        }
    }
}
