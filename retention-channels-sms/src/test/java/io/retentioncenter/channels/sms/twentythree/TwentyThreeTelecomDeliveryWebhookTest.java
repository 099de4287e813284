package io.retentioncenter.channels.sms.twentythree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.channels.sms.TestMessages;
import io.retentioncenter.core.AuthenticationException;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.inbound.ProviderEvent;
import io.retentioncenter.core.inbound.ProviderEventType;
import io.retentioncenter.core.internal.Signatures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TwentyThreeTelecomDeliveryWebhookTest {
    private static final String SECRET = "test-signing-secret";
    private static final String FIXTURE_TIMESTAMP = "1763996404";
    private static final String FIXTURE_SIGNATURE = "sha256=fcb4068a2f31139291e17615c1eaa0c2ab51a14e6861e5d46fce2f65734a58f1";
    private static final Instant SIGNED_AT = Instant.ofEpochSecond(1763996404L);
    private static final byte[] FIXTURE = TestMessages.fixture("sms-23telecom-delivery-webhook.json");

    @Test
    void reproducesTheDocumentedSignatureTestVector() {
        List<ProviderEvent> events = signedParser(SIGNED_AT.plusSeconds(30)).parse(FIXTURE, FIXTURE_TIMESTAMP, FIXTURE_SIGNATURE);

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(ProviderEventType.SUCCEEDED);
            assertThat(e.channel()).isEqualTo(Channel.SMS);
            assertThat(e.provider()).isEqualTo("23telecom");
            assertThat(e.providerRef()).contains("api_42_1763996000123456789_a3f8b2c1d9e45f67");
            assertThat(e.recipient()).contains("+14155550123");
            assertThat(e.eventKey()).isEqualTo("23telecom:api_42_1763996000123456789_a3f8b2c1d9e45f67:DELIVRD");
            assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-11-24T15:10:04Z"));
            assertThat(e.detail()).contains("DELIVRD (code 000)");
            assertThat(e.attemptId()).isEmpty();
        });
    }

    @Test
    void upperCaseHexAndSurroundingSpaceAreAccepted() {
        assertThat(signedParser(SIGNED_AT).parse(FIXTURE, " " + FIXTURE_TIMESTAMP + " ",
                "SHA256=" + FIXTURE_SIGNATURE.substring(7).toUpperCase())).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"DELIVRD,SUCCEEDED", "UNDELIV,FAILED", "REJECTD,FAILED", "EXPIRED,FAILED", "pending,SENT", "sent,SENT",
            "delivrd,SUCCEEDED"})
    void mapsEveryDocumentedStatus(String status, ProviderEventType type) {
        byte[] body = withStatus(status);
        String ts = Long.toString(SIGNED_AT.getEpochSecond());

        List<ProviderEvent> events = signedParser(SIGNED_AT).parse(body, ts, sign(ts, body));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(type);
            assertThat(e.eventKey()).endsWith(":" + status.toUpperCase());
        });
    }

    @Test
    void unknownIsAcceptedWithoutAnEvent() {
        byte[] body = withStatus("UNKNOWN");
        String ts = Long.toString(SIGNED_AT.getEpochSecond());
        assertThat(signedParser(SIGNED_AT).parse(body, ts, sign(ts, body))).isEmpty();
    }

    @Test
    void aTamperedBodyIsRejected() {
        byte[] tampered = withStatus("UNDELIV");
        assertThatThrownBy(() -> signedParser(SIGNED_AT).parse(tampered, FIXTURE_TIMESTAMP, FIXTURE_SIGNATURE))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("X-Webhook-Signature")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void anotherSecretIsRejected() {
        TwentyThreeTelecomDeliveryWebhook other = TwentyThreeTelecomDeliveryWebhook.builder().secret("other-secret")
                .clock(Clock.fixed(SIGNED_AT, ZoneOffset.UTC)).build();
        assertThatThrownBy(() -> other.parse(FIXTURE, FIXTURE_TIMESTAMP, FIXTURE_SIGNATURE))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void theTimestampIsPartOfTheSignature() {
        String otherTs = Long.toString(SIGNED_AT.getEpochSecond() + 1);
        assertThatThrownBy(() -> signedParser(SIGNED_AT).parse(FIXTURE, otherTs, FIXTURE_SIGNATURE))
                .isInstanceOf(AuthenticationException.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {301, -301, 86_400})
    void staleOrFutureTimestampsAreRejected(long skewSeconds) {
        assertThatThrownBy(() -> signedParser(SIGNED_AT.plusSeconds(skewSeconds)).parse(FIXTURE, FIXTURE_TIMESTAMP, FIXTURE_SIGNATURE))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("tolerance");
    }

    @Test
    void toleranceIsConfigurable() {
        TwentyThreeTelecomDeliveryWebhook lenient = TwentyThreeTelecomDeliveryWebhook.builder().secret(SECRET)
                .tolerance(Duration.ofMinutes(10)).clock(Clock.fixed(SIGNED_AT.plusSeconds(540), ZoneOffset.UTC)).build();
        assertThat(lenient.parse(FIXTURE, FIXTURE_TIMESTAMP, FIXTURE_SIGNATURE)).hasSize(1);
        assertThat(signedParser(SIGNED_AT.plusSeconds(300)).parse(FIXTURE, FIXTURE_TIMESTAMP, FIXTURE_SIGNATURE)).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(value = {"NULL,sha256=ab,X-Webhook-Timestamp", "'',sha256=ab,X-Webhook-Timestamp",
            "abc,sha256=ab,unix seconds", "1763996404,NULL,X-Webhook-Signature", "1763996404,' ',X-Webhook-Signature",
            "1763996404,fcb4068a,X-Webhook-Signature"}, nullValues = "NULL")
    void missingOrMalformedHeadersAreRejected(String timestamp, String signature, String message) {
        assertThatThrownBy(() -> signedParser(SIGNED_AT).parse(FIXTURE, timestamp, signature))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining(message);
    }

    @Test
    void explicitlyUnauthenticatedUnsignedReportsAreAccepted() {
        TwentyThreeTelecomDeliveryWebhook unsigned = TwentyThreeTelecomDeliveryWebhook.builder().unauthenticated().build();
        assertThat(unsigned.parse(FIXTURE, null, null)).hasSize(1);
    }

    @Test
    void aReportWithoutTimestampOrRecipientIsDatedByTheClock() {
        Instant now = Instant.parse("2026-11-24T15:11:00Z");
        TwentyThreeTelecomDeliveryWebhook unsigned = TwentyThreeTelecomDeliveryWebhook.builder().unauthenticated()
                .clock(Clock.fixed(now, ZoneOffset.UTC)).build();
        List<ProviderEvent> events = unsigned.parse(bytes("{\"message_id\":\"api_1\",\"status\":\"UNDELIV\"}"), null, null);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.occurredAt()).isEqualTo(now);
            assertThat(e.recipient()).isEmpty();
            assertThat(e.detail()).contains("UNDELIV");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"status\":\"DELIVRD\"}|message_id",
        "{\"message_id\":\"api_1\"}|status",
        "{\"message_id\":\"api_1\",\"status\":\"BOUNCED\"}|status",
        "{\"message_id\":{\"id\":1},\"status\":\"DELIVRD\"}|message_id",
        "{\"message_id\":\"api_1\",\"status\":[\"DELIVRD\"]}|status",
        "{\"message_id\":\"api_1\",\"status\":true}|status",
        "{\"message_id\":\"api_1\",\"status\":\"DELIVRD\",\"recipient\":{}}|recipient",
        "{\"message_id\":\"api_1\",\"status\":\"DELIVRD\",\"timestamp\":\"yesterday\"}|timestamp",
        "{\"message_id\":\"api_1\",\"status\":\"DELIVRD\",\"status_code\":[0]}|status_code",
        "{not json|body",
        "[1,2]|body",
        "''|body"})
    void badPayloadsNameTheField(String body, String field) {
        TwentyThreeTelecomDeliveryWebhook unsigned = TwentyThreeTelecomDeliveryWebhook.builder().unauthenticated().build();
        assertThatThrownBy(() -> unsigned.parse(bytes(body), null, null))
                .isInstanceOf(InvalidPayloadException.class)
                .extracting(e -> ((InvalidPayloadException) e).field()).isEqualTo(field);
    }

    @Test
    void aHugeTimestampIsEchoedAsAShortSingleLinePrefix() {
        TwentyThreeTelecomDeliveryWebhook unsigned = TwentyThreeTelecomDeliveryWebhook.builder().unauthenticated().build();
        String timestamp = "2026\\n" + "9".repeat(500_000);
        assertThatThrownBy(() -> unsigned.parse(bytes("{\"message_id\":\"api_1\",\"status\":\"DELIVRD\",\"timestamp\":\""
                + timestamp + "\"}"), null, null))
                .isInstanceOf(InvalidPayloadException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200).doesNotContain("\n"));
    }

    @Test
    void nullAndOversizedBodiesAreRejected() {
        TwentyThreeTelecomDeliveryWebhook small = TwentyThreeTelecomDeliveryWebhook.builder().unauthenticated().maxBodyBytes(100).build();
        assertThatThrownBy(() -> small.parse(FIXTURE, null, null))
                .isInstanceOf(InvalidPayloadException.class).hasMessageContaining("over the limit of 100");
        assertThatThrownBy(() -> small.parse(null, null, null))
                .isInstanceOf(InvalidPayloadException.class).hasMessageContaining("empty");
    }

    @Test
    void rejectsBadConfiguration() {
        assertThatThrownBy(() -> TwentyThreeTelecomDeliveryWebhook.builder().secret(" "))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> TwentyThreeTelecomDeliveryWebhook.builder().tolerance(Duration.ZERO))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> TwentyThreeTelecomDeliveryWebhook.builder().clock(null))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> TwentyThreeTelecomDeliveryWebhook.builder().maxBodyBytes(0))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void refusesToBuildWithoutASecretUnlessExplicitlyUnauthenticated() {
        assertThatThrownBy(() -> TwentyThreeTelecomDeliveryWebhook.builder().build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("set secret")
                .hasMessageContaining("unauthenticated()");
        assertThatThrownBy(() -> TwentyThreeTelecomDeliveryWebhook.builder().secret(SECRET).unauthenticated().build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("exclude each other");
    }

    private static TwentyThreeTelecomDeliveryWebhook signedParser(Instant now) {
        return TwentyThreeTelecomDeliveryWebhook.builder().secret(SECRET).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    }

    private static byte[] withStatus(String status) {
        return bytes(new String(FIXTURE, StandardCharsets.UTF_8).replace("\"DELIVRD\"", "\"" + status + "\""));
    }

    private static String sign(String timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return "sha256=" + Signatures.hmacSha256Hex(SECRET, signed);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
