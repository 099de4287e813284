package io.retentioncenter.host.config;

import static io.retentioncenter.host.config.RetentionProperties.given;

import io.retentioncenter.channels.instantly.InstantlyEmailProvider;
import io.retentioncenter.channels.sms.retail.SmsRetailProvider;
import io.retentioncenter.channels.sms.twentythree.TwentyThreeTelecomSmsProvider;
import io.retentioncenter.channels.vapi.VapiCallProvider;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.spi.ChannelProvider;
import io.retentioncenter.core.testing.RecordingChannelProvider;
import java.time.Clock;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider of each channel, chosen from the properties: the real adapter when its credentials
 * are set, otherwise a {@link RecordingChannelProvider} that counts sends and delivers nothing (with
 * a warning at start-up, so nobody mistakes it for a working channel).
 *
 * @param providers one provider per channel
 */
public record HostChannels(Map<Channel, ChannelProvider> providers) {
    private static final Logger log = LoggerFactory.getLogger(HostChannels.class);

    /** Copies. */
    public HostChannels {
        providers = Collections.unmodifiableMap(new EnumMap<>(providers));
    }

    /** The providers the properties describe. */
    public static HostChannels from(RetentionProperties p, Clock clock) {
        Map<Channel, ChannelProvider> providers = new EnumMap<>(Channel.class);
        providers.put(Channel.EMAIL, orRecording(Channel.EMAIL, email(p.instantly(), clock)));
        providers.put(Channel.SMS, orRecording(Channel.SMS, sms(p, clock)));
        providers.put(Channel.CALL, orRecording(Channel.CALL, call(p.vapi(), clock)));
        return new HostChannels(providers);
    }

    /** The provider of {@code channel}. */
    public ChannelProvider of(Channel channel) {
        return providers.get(channel);
    }

    private static ChannelProvider orRecording(Channel channel, Optional<ChannelProvider> configured) {
        return configured.orElseGet(() -> {
            log.warn("{}: no provider credentials set; sends are recorded, not delivered", channel);
            return RecordingChannelProvider.counting(channel);
        });
    }

    private static Optional<ChannelProvider> email(RetentionProperties.Instantly c, Clock clock) {
        return given(c.apiKey()).map(key -> {
            InstantlyEmailProvider.Builder b = InstantlyEmailProvider.builder().apiKey(key).clock(clock)
                    .campaignId(required(c.campaignId(), "retention.instantly.campaign-id"));
            Optional.ofNullable(c.baseUrl()).ifPresent(b::baseUri);
            return b.build();
        });
    }

    private static Optional<ChannelProvider> sms(RetentionProperties p, Clock clock) {
        Optional<ChannelProvider> telecom = given(p.twentythree().apiKey()).map(key -> {
            TwentyThreeTelecomSmsProvider.Builder b = TwentyThreeTelecomSmsProvider.builder().apiKey(key).clock(clock)
                    .senderId(required(p.twentythree().senderId(), "retention.twentythree.sender-id"));
            Optional.ofNullable(p.twentythree().baseUrl()).ifPresent(b::baseUri);
            return b.build();
        });
        return telecom.or(() -> given(p.smsretail().apiKey()).map(key -> {
            SmsRetailProvider.Builder b = SmsRetailProvider.builder().apiKey(key).clock(clock);
            Optional.ofNullable(p.smsretail().baseUrl()).ifPresent(b::baseUri);
            return b.build();
        }));
    }

    private static Optional<ChannelProvider> call(RetentionProperties.Vapi c, Clock clock) {
        return given(c.apiKey()).map(key -> {
            VapiCallProvider.Builder b = VapiCallProvider.builder().apiKey(key).clock(clock)
                    .assistantId(required(c.assistantId(), "retention.vapi.assistant-id"))
                    .phoneNumberId(required(c.phoneNumberId(), "retention.vapi.phone-number-id"));
            Optional.ofNullable(c.baseUrl()).ifPresent(b::baseUri);
            return b.build();
        });
    }

    static String required(String value, String property) {
        return given(value).orElseThrow(() -> new ConfigurationException(property + " must be set too"));
    }
}
