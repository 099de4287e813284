package io.retentioncenter.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.spi.ChannelProvider;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Environment variables switch each demo channel from recording to its real adapter. */
class DemoChannelsTest {

    private static Map<Channel, ChannelProvider> with(Map<String, String> env) {
        return DemoChannels.fromEnvironment(name -> Optional.ofNullable(env.get(name)));
    }

    @Test
    void defaultsToRecordingProviders() {
        assertThat(with(Map.of()).values()).extracting(ChannelProvider::name)
                .containsExactly("recording-email", "recording-sms", "recording-call");
    }

    @Test
    void realAdaptersAreChosenByConfiguration() {
        Map<Channel, ChannelProvider> real = with(Map.of(
                "RC_INSTANTLY_API_KEY", "key", "RC_INSTANTLY_CAMPAIGN_ID", "019a5f3e-7c21-7d40-9b1e-3f0c2a6d8e11",
                "RC_INSTANTLY_BASE_URL", "http://127.0.0.1:9",
                "RC_23TELECOM_API_KEY", "key", "RC_23TELECOM_SENDER_ID", "ExampleCo",
                "RC_VAPI_API_KEY", "key", "RC_VAPI_ASSISTANT_ID", "a", "RC_VAPI_PHONE_NUMBER_ID", "p"));
        assertThat(real.get(Channel.EMAIL).name()).isEqualTo("instantly");
        assertThat(real.get(Channel.SMS).name()).isEqualTo("23telecom");
        assertThat(real.get(Channel.CALL).name()).isEqualTo("vapi");
        assertThat(with(Map.of("RC_SMSRETAIL_API_KEY", "key")).get(Channel.SMS).name()).isEqualTo("sms-retail");
    }

    @Test
    void aHalfConfiguredChannelSaysWhatIsMissing() {
        assertThatThrownBy(() -> with(Map.of("RC_VAPI_API_KEY", "key")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("RC_VAPI_ASSISTANT_ID");
    }
}
