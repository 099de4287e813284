package io.retentioncenter.channels.sms.http;

import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.http.ProviderHttp;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * The settings every SMS gateway provider's builder shares: API key, API base, transport and clock.
 * Each setter returns the concrete builder, so gateway settings chain in any order, and throws
 * {@link ConfigurationException} at once for a null or blank value.
 *
 * @param <B> the concrete builder
 */
public abstract class SmsProviderBuilder<B extends SmsProviderBuilder<B>> {
    private final String provider;
    private String apiKey;
    private URI baseUri;
    private Optional<ProviderHttp> http = Optional.empty();
    private Clock clock = Clock.systemUTC();

    /**
     * Starts a builder.
     *
     * @param provider the provider name, used in error texts and to name the default transport
     * @param defaultBaseUri the gateway's API base, used unless {@link #baseUri} is set
     */
    protected SmsProviderBuilder(String provider, URI defaultBaseUri) {
        this.provider = provider;
        this.baseUri = defaultBaseUri;
    }

    /** The API key. Required. */
    public B apiKey(String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException(provider + ": apiKey must not be blank");
        }
        apiKey = value.trim();
        return self();
    }

    /** The API base, an absolute http(s) URI; the provider documents its default. */
    public B baseUri(URI value) {
        if (value == null) {
            throw new ConfigurationException(provider + ": baseUri must not be null");
        }
        baseUri = value;
        return self();
    }

    /** The transport (timeouts, retries, backoff, pacing); default {@code ProviderHttp.builder(name)} on this clock. */
    public B http(ProviderHttp value) {
        if (value == null) {
            throw new ConfigurationException(provider + ": http is required");
        }
        http = Optional.of(value);
        return self();
    }

    /** Clock that dates HTTP-date {@code Retry-After} values; default UTC system clock. */
    public B clock(Clock value) {
        if (value == null) {
            throw new ConfigurationException(provider + ": clock is required");
        }
        clock = value;
        return self();
    }

    /**
     * The client for these settings, posting to {@code path} under the API base with the key in
     * {@code apiKeyHeader}.
     *
     * @throws ConfigurationException naming the setting that is missing or invalid
     */
    protected SmsApiClient client(String path, String apiKeyHeader) {
        return new SmsApiClient(provider, SmsApiClient.endpoint(baseUri, path), apiKeyHeader, apiKey,
                http.orElseGet(() -> ProviderHttp.builder(provider).clock(clock).build()), clock);
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
