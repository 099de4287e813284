package io.retentioncenter.channels.sms.retail;

import io.retentioncenter.channels.sms.http.SmsApiClient;
import io.retentioncenter.channels.sms.http.SmsGatewayProvider;
import io.retentioncenter.channels.sms.http.SmsProviderBuilder;
import io.retentioncenter.core.ConfigurationException;
import java.net.URI;

/**
 * SMS through SMS-Retail ({@code sms-retail.io}). The provider publishes no API documentation: this
 * implements the contract the original application used, with every part configurable so it can be
 * adapted once the provider confirms it — base URI, key header, path and message {@code type}.
 * Defaults: {@code POST https://sms-retail.io/ext/api/v1/messages/send}, {@code X-API-Key},
 * body {@code {"messages":[{"phone":"14155550123","text":…,"type":"sms"}]}}, answer
 * {@code {success, messages:[{id, phone}]}}. Not idempotent. Thread-safe.
 */
public final class SmsRetailProvider extends SmsGatewayProvider {
    /** The provider name stored on attempts and events. */
    public static final String NAME = "sms-retail";
    /** Base URI used by the original application. */
    public static final URI DEFAULT_BASE_URI = URI.create("https://sms-retail.io");
    /** Send path used by the original application. */
    public static final String DEFAULT_PATH = "/ext/api/v1/messages/send";
    /** Default message {@code type}. */
    public static final String DEFAULT_TYPE = "sms";

    private SmsRetailProvider(SmsApiClient client, SmsRetailWireFormat format) {
        super(NAME, client, format);
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builder; only {@link #apiKey} is required. Defaults: base {@code https://sms-retail.io}, header
     * {@code X-API-Key}, path {@value SmsRetailProvider#DEFAULT_PATH}, type {@code sms}, and
     * {@code ProviderHttp.builder("sms-retail")} as transport.
     */
    public static final class Builder extends SmsProviderBuilder<Builder> {
        private String apiKeyHeader = "X-API-Key";
        private String path = DEFAULT_PATH;
        private String type = DEFAULT_TYPE;

        private Builder() {
            super(NAME, DEFAULT_BASE_URI);
        }

        /** Header carrying the key; default {@code X-API-Key}. */
        public Builder apiKeyHeader(String value) {
            if (value == null || value.isBlank()) {
                throw new ConfigurationException(NAME + ": apiKeyHeader must not be blank");
            }
            apiKeyHeader = value.trim();
            return this;
        }

        /** Send path under the base; default {@value SmsRetailProvider#DEFAULT_PATH}. */
        public Builder path(String value) {
            if (value == null || value.isBlank()) {
                throw new ConfigurationException(NAME + ": path must not be blank");
            }
            path = value.trim();
            return this;
        }

        /**
         * The {@code type} of each message; default {@code sms}. The original application sent
         * messenger channels here ({@code whatsapp}, {@code telegram}, {@code imo}, {@code viber}).
         */
        public Builder type(String value) {
            if (value == null || value.isBlank()) {
                throw new ConfigurationException(NAME + ": type must not be blank");
            }
            type = value.trim();
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
            return new SmsRetailProvider(client(path, apiKeyHeader), new SmsRetailWireFormat(type.trim()));
        }
    }
}
