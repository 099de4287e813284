package io.retentioncenter.channels.sms.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.AuthenticationException;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.inbound.ProviderEvent;
import io.retentioncenter.core.inbound.ProviderEventType;
import io.retentioncenter.core.internal.Signatures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InboundSmsParserTest {
    private static final Instant NOW = Instant.parse("2026-11-24T16:00:00Z");
    private static final InboundSmsParser DEFAULT = InboundSmsParser.builder("23telecom")
            .unauthenticated().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    @ParameterizedTest
    @CsvSource({"STOP,STOP", "' stop all ',STOP ALL", "Unsubscribe,UNSUBSCRIBE", "arret,ARRET", "opt-out,OPT-OUT"})
    void aStopKeywordOptsTheSenderOut(String text, String keyword) {
        List<ProviderEvent> events = DEFAULT.parse(bytes(
                "{\"id\":\"mo-1\",\"from\":\"+14155550123\",\"to\":\"ExampleCo\",\"text\":\"" + text + "\"}"), null);

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(ProviderEventType.OPTED_OUT);
            assertThat(e.channel()).isEqualTo(Channel.SMS);
            assertThat(e.provider()).isEqualTo("23telecom");
            assertThat(e.recipient()).contains("+14155550123");
            assertThat(e.keywords()).containsExactly(keyword);
            assertThat(e.eventKey()).isEqualTo("23telecom:mo:mo-1");
            assertThat(e.occurredAt()).isEqualTo(NOW);
            assertThat(e.providerRef()).isEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Yes, call me tomorrow", "please stop", "STOP!", "HELP", "START"})
    void anyOtherTextIsAReply(String text) {
        List<ProviderEvent> events = DEFAULT.parse(bytes(
                "{\"id\":42,\"from\":\"14155550123\",\"text\":\"" + text + "\"}"), null);

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(ProviderEventType.REPLIED);
            assertThat(e.recipient()).contains("+14155550123");
            assertThat(e.transcript()).contains(text);
            assertThat(e.keywords()).isEmpty();
            assertThat(e.eventKey()).isEqualTo("23telecom:mo:42");
        });
    }

    @Test
    void fieldNamesAreConfigurableIncludingNestedPaths() {
        InboundSmsParser parser = InboundSmsParser.builder("sms-retail").fromField("data.sender.msisdn")
                .textField("data.body").idField("data.message_uuid").unauthenticated().build();

        List<ProviderEvent> events = parser.parse(bytes(
                "{\"data\":{\"message_uuid\":\"u-7\",\"sender\":{\"msisdn\":\"447911123456\"},\"body\":\"Quit\"}}"), null);

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(ProviderEventType.OPTED_OUT);
            assertThat(e.recipient()).contains("+447911123456");
            assertThat(e.eventKey()).isEqualTo("sms-retail:mo:u-7");
        });
    }

    @Test
    void withoutAnIdTheKeyIsStableForTheSameBody() {
        byte[] body = bytes("{\"from\":\"+14155550123\",\"text\":\"STOP\"}");
        String first = DEFAULT.parse(body, null).get(0).eventKey();

        assertThat(first).startsWith("23telecom:mo:").hasSize("23telecom:mo:".length() + 64);
        assertThat(DEFAULT.parse(body.clone(), null).get(0).eventKey()).isEqualTo(first);
        assertThat(DEFAULT.parse(bytes("{\"from\":\"+14155550124\",\"text\":\"STOP\"}"), null).get(0).eventKey())
                .isNotEqualTo(first);
    }

    @Test
    void aConfiguredSignatureIsEnforced() {
        InboundSmsParser signed = InboundSmsParser.builder("sms-retail").signature("X-Signature", "mo-secret").build();
        byte[] body = bytes("{\"id\":\"1\",\"from\":\"+14155550123\",\"text\":\"STOP\"}");

        assertThat(signed.parse(body, Signatures.hmacSha256Hex("mo-secret", body))).hasSize(1);
        assertThatThrownBy(() -> signed.parse(body, null))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("X-Signature");
        assertThatThrownBy(() -> signed.parse(body, Signatures.hmacSha256Hex("wrong", body)))
                .isInstanceOf(AuthenticationException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"text\":\"STOP\"}|from",
        "{\"from\":\"+14155550123\"}|text",
        "{\"from\":\"+14155550123\",\"text\":\"  \"}|text",
        "{\"from\":\"ExampleCo\",\"text\":\"STOP\"}|from",
        "{\"from\":\"12345\",\"text\":\"STOP\"}|from",
        "{\"from\":{\"n\":1},\"text\":\"STOP\"}|from",
        "{\"from\":\"+14155550123\",\"text\":[\"STOP\"]}|text",
        "{\"from\":\"+14155550123\",\"text\":\"STOP\",\"id\":true}|id",
        "{not json|body",
        "\"STOP\"|body",
        "''|body"})
    void badPayloadsNameTheField(String body, String field) {
        assertThatThrownBy(() -> DEFAULT.parse(bytes(body), null))
                .isInstanceOf(InvalidPayloadException.class)
                .extracting(e -> ((InvalidPayloadException) e).field()).isEqualTo(field);
    }

    @Test
    void aNestedPathThroughAScalarIsRejected() {
        InboundSmsParser parser = InboundSmsParser.builder("gw").fromField("data.from").unauthenticated().build();
        assertThatThrownBy(() -> parser.parse(bytes("{\"data\":\"x\",\"text\":\"STOP\"}"), null))
                .isInstanceOf(InvalidPayloadException.class)
                .extracting(e -> ((InvalidPayloadException) e).field()).isEqualTo("data");
        assertThatThrownBy(() -> parser.parse(bytes("{\"text\":\"STOP\"}"), null))
                .isInstanceOf(InvalidPayloadException.class)
                .extracting(e -> ((InvalidPayloadException) e).field()).isEqualTo("data.from");
    }

    @Test
    void oversizedAndNullBodiesAreRejected() {
        InboundSmsParser small = InboundSmsParser.builder("gw").unauthenticated().maxBodyBytes(20).build();
        assertThatThrownBy(() -> small.parse(bytes("{\"from\":\"+14155550123\",\"text\":\"STOP\"}"), null))
                .isInstanceOf(InvalidPayloadException.class).hasMessageContaining("over the limit of 20");
        assertThatThrownBy(() -> small.parse(null, null)).isInstanceOf(InvalidPayloadException.class);
    }

    @Test
    void rejectsBadConfiguration() {
        assertThatThrownBy(() -> InboundSmsParser.builder(" ")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> InboundSmsParser.builder("gw").fromField("")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> InboundSmsParser.builder("gw").textField("a..b")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> InboundSmsParser.builder("gw").idField(null)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> InboundSmsParser.builder("gw").signature("X-Sig", "")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> InboundSmsParser.builder("gw").signature("", "s")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> InboundSmsParser.builder("gw").clock(null)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> InboundSmsParser.builder("gw").maxBodyBytes(0)).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void refusesToBuildWithoutASignatureUnlessExplicitlyUnauthenticated() {
        assertThatThrownBy(() -> InboundSmsParser.builder("gw").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("set signature")
                .hasMessageContaining("unauthenticated()");
        assertThatThrownBy(() -> InboundSmsParser.builder("gw").signature("X-Sig", "s").unauthenticated().build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("exclude each other");
        assertThat(InboundSmsParser.builder("gw").unauthenticated().build()).isNotNull();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
