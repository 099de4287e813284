package io.retentioncenter.channels.sms.retail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.AuthenticationException;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.InvalidPayloadException;
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

class SmsRetailDeliveryWebhookTest {
    private static final String SECRET = "retail-secret";
    private static final Instant NOW = Instant.parse("2026-11-24T15:10:04Z");
    private static final SmsRetailDeliveryWebhook SIGNED = SmsRetailDeliveryWebhook.builder().secret(SECRET)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    @Test
    void parsesTheSeedShape() {
        byte[] body = bytes("{\"id\":12345,\"status\":\"delivered\"}");

        List<ProviderEvent> events = SIGNED.parse(body, Signatures.hmacSha256Hex(SECRET, body));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(ProviderEventType.SUCCEEDED);
            assertThat(e.provider()).isEqualTo("sms-retail");
            assertThat(e.providerRef()).contains("12345");
            assertThat(e.eventKey()).isEqualTo("sms-retail:12345:DELIVERED");
            assertThat(e.occurredAt()).isEqualTo(NOW);
            assertThat(e.recipient()).isEmpty();
        });
    }

    @ParameterizedTest
    @CsvSource({"delivered,SUCCEEDED", "failed,FAILED", "sent,SENT", "pending,SENT", "UNDELIV,FAILED", "EXPIRED,FAILED"})
    void mapsStatusesAndNormalizesThePhone(String status, ProviderEventType type) {
        byte[] body = bytes("{\"id\":\"777\",\"status\":\"" + status + "\",\"phone\":\"14155550123\"}");

        List<ProviderEvent> events = SIGNED.parse(body, Signatures.hmacSha256Hex(SECRET, body));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(type);
            assertThat(e.recipient()).contains("+14155550123");
        });
    }

    @Test
    void unknownHasNoEvent() {
        byte[] body = bytes("{\"id\":1,\"status\":\"unknown\"}");
        assertThat(SIGNED.parse(body, Signatures.hmacSha256Hex(SECRET, body))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "deadbeef", "sha256=deadbeef"})
    void badSignaturesAreRejected(String signature) {
        byte[] body = bytes("{\"id\":1,\"status\":\"delivered\"}");
        assertThatThrownBy(() -> SIGNED.parse(body, signature))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("X-Signature");
        assertThatThrownBy(() -> SIGNED.parse(body, null)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aSignatureOverAnotherBodyIsRejected() {
        byte[] signedBody = bytes("{\"id\":1,\"status\":\"failed\"}");
        byte[] sentBody = bytes("{\"id\":1,\"status\":\"delivered\"}");
        assertThatThrownBy(() -> SIGNED.parse(sentBody, Signatures.hmacSha256Hex(SECRET, signedBody)))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void explicitlyUnauthenticatedReportsAreAcceptedUnsigned() {
        assertThat(SmsRetailDeliveryWebhook.builder().unauthenticated().build().parse(bytes("{\"id\":1,\"status\":\"failed\"}"), null))
                .extracting(ProviderEvent::type).containsExactly(ProviderEventType.FAILED);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"status\":\"delivered\"}|id",
        "{\"id\":1}|status",
        "{\"id\":true,\"status\":\"delivered\"}|id",
        "{\"id\":1,\"status\":\"bounced\"}|status",
        "{\"id\":1,\"status\":{}}|status",
        "{\"id\":1,\"status\":\"delivered\",\"phone\":[1]}|phone",
        "not json|body",
        "''|body"})
    void badPayloadsNameTheField(String body, String field) {
        SmsRetailDeliveryWebhook unsigned = SmsRetailDeliveryWebhook.builder().unauthenticated().build();
        assertThatThrownBy(() -> unsigned.parse(bytes(body), null))
                .isInstanceOf(InvalidPayloadException.class)
                .extracting(e -> ((InvalidPayloadException) e).field()).isEqualTo(field);
    }

    @Test
    void oversizedBodiesAreRejected() {
        SmsRetailDeliveryWebhook small = SmsRetailDeliveryWebhook.builder().unauthenticated().maxBodyBytes(16).build();
        assertThatThrownBy(() -> small.parse(bytes("{\"id\":1,\"status\":\"delivered\"}"), null))
                .isInstanceOf(InvalidPayloadException.class).hasMessageContaining("over the limit");
    }

    @Test
    void rejectsBadConfiguration() {
        assertThatThrownBy(() -> SmsRetailDeliveryWebhook.builder().secret("")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> SmsRetailDeliveryWebhook.builder().clock(null)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> SmsRetailDeliveryWebhook.builder().maxBodyBytes(-1)).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void refusesToBuildWithoutASecretUnlessExplicitlyUnauthenticated() {
        assertThatThrownBy(() -> SmsRetailDeliveryWebhook.builder().build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("set secret")
                .hasMessageContaining("unauthenticated()");
        assertThatThrownBy(() -> SmsRetailDeliveryWebhook.builder().secret(SECRET).unauthenticated().build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("exclude each other");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
