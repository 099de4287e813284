package io.retentioncenter.examples;

import io.retentioncenter.channels.instantly.InstantlyEmailProvider;
import io.retentioncenter.channels.sms.retail.SmsRetailProvider;
import io.retentioncenter.channels.sms.twentythree.TwentyThreeTelecomSmsProvider;
import io.retentioncenter.channels.vapi.VapiCallProvider;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.spi.ChannelProvider;
import io.retentioncenter.core.testing.RecordingChannelProvider;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Chooses the demo's channel providers from environment variables. Without any variable set every
 * channel uses a {@link RecordingChannelProvider}: nothing leaves the machine.
 *
 * <ul>
 *   <li>EMAIL via Instantly: {@code RC_INSTANTLY_API_KEY}, {@code RC_INSTANTLY_CAMPAIGN_ID}
 *       (optional {@code RC_INSTANTLY_BASE_URL})</li>
 *   <li>SMS via 23Telecom: {@code RC_23TELECOM_API_KEY}, {@code RC_23TELECOM_SENDER_ID}
 *       (optional {@code RC_23TELECOM_BASE_URL}); or via SMS-Retail: {@code RC_SMSRETAIL_API_KEY}
 *       (optional {@code RC_SMSRETAIL_BASE_URL})</li>
 *   <li>CALL via VAPI: {@code RC_VAPI_API_KEY}, {@code RC_VAPI_ASSISTANT_ID},
 *       {@code RC_VAPI_PHONE_NUMBER_ID} (optional {@code RC_VAPI_BASE_URL})</li>
 * </ul>
 */
public final class DemoChannels {
    private DemoChannels() {
    }

    /** The provider per channel for the given environment. */
    public static Map<Channel, ChannelProvider> fromEnvironment(Function<String, Optional<String>> env) {
        Map<Channel, ChannelProvider> providers = new EnumMap<>(Channel.class);
        providers.put(Channel.EMAIL, email(env).orElseGet(() -> RecordingChannelProvider.of(Channel.EMAIL)));
        providers.put(Channel.SMS, sms(env).orElseGet(() -> RecordingChannelProvider.of(Channel.SMS)));
        providers.put(Channel.CALL, call(env).orElseGet(() -> RecordingChannelProvider.of(Channel.CALL)));
        return providers;
    }

    /** Reads the process environment, blank values counting as absent. */
    public static Optional<String> systemEnv(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }

    private static Optional<ChannelProvider> email(Function<String, Optional<String>> env) {
        return env.apply("RC_INSTANTLY_API_KEY").map(key -> {
            InstantlyEmailProvider.Builder b = InstantlyEmailProvider.builder().apiKey(key)
                    .campaignId(required(env, "RC_INSTANTLY_CAMPAIGN_ID"));
            env.apply("RC_INSTANTLY_BASE_URL").map(URI::create).ifPresent(b::baseUri);
            return b.build();
        });
    }

    private static Optional<ChannelProvider> sms(Function<String, Optional<String>> env) {
        Optional<ChannelProvider> telecom = env.apply("RC_23TELECOM_API_KEY").map(key -> {
            TwentyThreeTelecomSmsProvider.Builder b = TwentyThreeTelecomSmsProvider.builder().apiKey(key)
                    .senderId(required(env, "RC_23TELECOM_SENDER_ID"));
            env.apply("RC_23TELECOM_BASE_URL").map(URI::create).ifPresent(b::baseUri);
            return b.build();
        });
        return telecom.or(() -> env.apply("RC_SMSRETAIL_API_KEY").map(key -> {
            SmsRetailProvider.Builder b = SmsRetailProvider.builder().apiKey(key);
            env.apply("RC_SMSRETAIL_BASE_URL").map(URI::create).ifPresent(b::baseUri);
            return b.build();
        }));
    }

    private static Optional<ChannelProvider> call(Function<String, Optional<String>> env) {
        return env.apply("RC_VAPI_API_KEY").map(key -> {
            VapiCallProvider.Builder b = VapiCallProvider.builder().apiKey(key)
                    .assistantId(required(env, "RC_VAPI_ASSISTANT_ID"))
                    .phoneNumberId(required(env, "RC_VAPI_PHONE_NUMBER_ID"));
            env.apply("RC_VAPI_BASE_URL").map(URI::create).ifPresent(b::baseUri);
            return b.build();
        });
    }

    private static String required(Function<String, Optional<String>> env, String name) {
        return env.apply(name).orElseThrow(() -> new ConfigurationException(name + " must be set too"));
    }
}
