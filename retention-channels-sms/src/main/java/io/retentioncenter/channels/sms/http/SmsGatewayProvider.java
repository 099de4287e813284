package io.retentioncenter.channels.sms.http;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.spi.ChannelProvider;
import io.retentioncenter.core.spi.OutboundMessage;
import io.retentioncenter.core.spi.SendResult;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The SMS channel on one JSON gateway: every message is one {@link SmsApiClient} request in the
 * gateway's {@link SmsWireFormat}. Sends are not idempotent: neither gateway takes an idempotency key,
 * so a lost outcome must not be re-sent. Thread-safe.
 */
public abstract class SmsGatewayProvider implements ChannelProvider {
    private final String name;
    private final SmsApiClient client;
    private final SmsWireFormat format;

    /**
     * Creates the provider.
     *
     * @param name the provider name stored on attempts and events
     * @param client the configured client
     * @param format the gateway's send contract
     */
    protected SmsGatewayProvider(String name, SmsApiClient client, SmsWireFormat format) {
        this.name = name;
        this.client = client;
        this.format = format;
    }

    /** {@link Channel#SMS}. */
    @Override
    public final Channel channel() {
        return Channel.SMS;
    }

    /** The provider name stored on attempts and events. */
    @Override
    public final String name() {
        return name;
    }

    /**
     * Sends one SMS; see {@link SmsApiClient} for how outcomes are classified.
     *
     * @throws io.retentioncenter.core.ValidationException when {@code message} is null
     */
    @Override
    public final CompletionStage<SendResult> send(OutboundMessage message) {
        return client.send(Require.present(message, "message"), format);
    }

    /** The transport's total timeout: the longest one send takes, every try included. */
    @Override
    public final Optional<Duration> maxSendTime() {
        return Optional.of(client.maxSendTime());
    }

    /** False: the gateway takes no idempotency key, so a lost outcome must not be re-sent. */
    @Override
    public final boolean idempotentSends() {
        return false;
    }
}
