package io.retentioncenter.core.inbound.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.AuthenticationException;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.InvalidPayloadException;
import io.retentioncenter.core.internal.Signatures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetaWebhooksTest {
    private static final String SECRET = "test-app-secret";
    private static final String FIXTURE_SIGNATURE =
            "sha256=e2c6ac05d4e8fe60a93682145cd7b42f0fe74d281dcc7ab17ce75306bcf65302";

    private final MetaWebhooks meta = MetaWebhooks.builder().verifyToken("rc-verify-7f3a").appSecret(SECRET).build();

    static byte[] fixture(String name) {
        try (InputStream in = MetaWebhooksTest.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> signed(byte[] body) {
        return Optional.of("sha256=" + Signatures.hmacSha256Hex(SECRET, body));
    }

    @Test
    void handshakeEchoesTheChallengeForTheRightToken() {
        assertThat(meta.handshake(Map.of("hub.mode", "subscribe", "hub.challenge", "1158201444",
                "hub.verify_token", "rc-verify-7f3a"))).isEqualTo("1158201444");
    }

    @Test
    void handshakeRejectsAWrongOrMissingToken() {
        assertThatThrownBy(() -> meta.handshake(Map.of("hub.mode", "subscribe", "hub.challenge", "1",
                "hub.verify_token", "rc-verify-7f3b")))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageNotContaining("rc-verify-7f3a");
        assertThatThrownBy(() -> meta.handshake(Map.of("hub.mode", "subscribe", "hub.challenge", "1")))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void handshakeRejectsAMissingOrOtherModeAndABadChallenge() {
        assertThatThrownBy(() -> meta.handshake(Map.of("hub.challenge", "1", "hub.verify_token", "rc-verify-7f3a")))
                .isInstanceOfSatisfying(InvalidPayloadException.class, e -> assertThat(e.field()).isEqualTo("hub.mode"));
        assertThatThrownBy(() -> meta.handshake(Map.of("hub.mode", "unsubscribe", "hub.challenge", "1",
                "hub.verify_token", "rc-verify-7f3a")))
                .isInstanceOfSatisfying(InvalidPayloadException.class, e -> assertThat(e.field()).isEqualTo("hub.mode"));
        assertThatThrownBy(() -> meta.handshake(Map.of("hub.mode", "subscribe", "hub.verify_token", "rc-verify-7f3a")))
                .isInstanceOfSatisfying(InvalidPayloadException.class, e -> assertThat(e.field()).isEqualTo("hub.challenge"));
        assertThatThrownBy(() -> meta.handshake(Map.of("hub.mode", "subscribe", "hub.challenge", "<script>",
                "hub.verify_token", "rc-verify-7f3a")))
                .isInstanceOfSatisfying(InvalidPayloadException.class, e -> assertThat(e.field()).isEqualTo("hub.challenge"));
    }

    @Test
    void handshakeWithoutAConfiguredTokenIsAConfigurationError() {
        MetaWebhooks noToken = MetaWebhooks.builder().appSecret(SECRET).build();
        assertThatThrownBy(() -> noToken.handshake(Map.of("hub.mode", "subscribe", "hub.challenge", "1",
                "hub.verify_token", "x"))).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void fixtureBytesCarryTheDocumentedSignature() {
        byte[] body = fixture("meta-leadgen-webhook.json");
        assertThat("sha256=" + Signatures.hmacSha256Hex(SECRET, body)).isEqualTo(FIXTURE_SIGNATURE);

        MetaLeadgenBatch batch = meta.parse(body, Optional.of(FIXTURE_SIGNATURE));

        assertThat(batch.errors()).isEmpty();
        assertThat(batch.ignoredChanges()).isZero();
        assertThat(batch.items()).singleElement().satisfies(item -> {
            assertThat(item.needsResolution()).isTrue();
            assertThat(item.dedupeKey()).contains("1234567890123456");
            assertThat(item.path()).isEqualTo("entry[0].changes[0]");
            assertThat(item.ref()).isEqualTo(new MetaLeadRef(Optional.of("1234567890123456"),
                    Optional.of("104857600123456"), Optional.of("987654321098765"),
                    Optional.of("120210000000000001"), Optional.of("120210000000000001"),
                    Optional.of(Instant.ofEpochSecond(1763993395))));
        });
    }

    @Test
    void upperCaseHexIsAccepted() {
        byte[] body = fixture("meta-leadgen-webhook.json");
        String upper = "sha256=" + FIXTURE_SIGNATURE.substring(7).toUpperCase();
        assertThat(meta.parse(body, Optional.of(upper)).items()).hasSize(1);
    }

    @Test
    void signatureIsRequiredWhenAnAppSecretIsConfigured() {
        byte[] body = fixture("meta-leadgen-webhook.json");
        assertThatThrownBy(() -> meta.parse(body, Optional.empty()))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> meta.parse(body, Optional.of("  ")))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("missing");
    }

    @Test
    void malformedSignaturesAreRejected() {
        byte[] body = fixture("meta-leadgen-webhook.json");
        String hex = FIXTURE_SIGNATURE.substring(7);
        for (String bad : new String[] {hex, "sha1=" + hex, "sha256=" + hex.substring(1), "sha256=" + hex + "00",
                "sha256=" + "z".repeat(64), "sha256="}) {
            assertThatThrownBy(() -> meta.parse(body, Optional.of(bad)))
                    .as(bad).isInstanceOf(AuthenticationException.class).hasMessageContaining("malformed");
        }
    }

    @Test
    void aWrongSignatureOrATamperedBodyIsRejected() {
        byte[] body = fixture("meta-leadgen-webhook.json");
        String other = "sha256=" + Signatures.hmacSha256Hex("other-secret", body);
        assertThatThrownBy(() -> meta.parse(body, Optional.of(other)))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("does not match")
                .hasMessageNotContaining(SECRET);
        byte[] tampered = Arrays.copyOf(body, body.length);
        tampered[tampered.length - 2] = ' ';
        assertThatThrownBy(() -> meta.parse(tampered, Optional.of(FIXTURE_SIGNATURE)))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void unsignedModeSkipsTheCheck() {
        MetaWebhooks dev = MetaWebhooks.builder().unsigned().build();
        byte[] body = fixture("meta-leadgen-webhook.json");
        assertThat(dev.parse(body, Optional.empty()).items()).hasSize(1);
        assertThat(dev.parse(body, Optional.of("sha256=garbage")).items()).hasSize(1);
    }

    @Test
    void builderNeedsExactlyOneOfAppSecretAndUnsigned() {
        assertThatThrownBy(() -> MetaWebhooks.builder().verifyToken("t").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("unsigned()");
        assertThatThrownBy(() -> MetaWebhooks.builder().appSecret("s").unsigned().build())
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> MetaWebhooks.builder().appSecret(" ")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> MetaWebhooks.builder().verifyToken(null)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> MetaWebhooks.builder().maxBodyBytes(0)).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void bodiesThatAreNotANotificationAreRejectedWhole() {
        MetaWebhooks dev = MetaWebhooks.builder().unsigned().build();
        Map<String, String> bodies = Map.of(
                "", "body",
                "{\"object\":", "body",
                "[{\"object\":\"page\"}]", "body",
                "42", "body",
                "{\"entry\":[]}", "object",
                "{\"object\":\"instagram\",\"entry\":[]}", "object",
                "{\"object\":\"page\"}", "entry",
                "{\"object\":\"page\",\"entry\":{}}", "entry",
                "{\"object\":{\"a\":1},\"entry\":[]}", "object");
        bodies.forEach((body, field) -> assertThatThrownBy(
                () -> dev.parse(body.getBytes(StandardCharsets.UTF_8), Optional.empty()))
                .as(body)
                .isInstanceOfSatisfying(InvalidPayloadException.class, e -> assertThat(e.field()).isEqualTo(field)));
        assertThatThrownBy(() -> dev.parse(null, Optional.empty())).isInstanceOf(InvalidPayloadException.class);
    }

    @Test
    void oversizedBodiesAreRejectedEvenWhenSigned() {
        MetaWebhooks small = MetaWebhooks.builder().appSecret(SECRET).maxBodyBytes(100).build();
        byte[] body = fixture("meta-leadgen-webhook.json");
        assertThatThrownBy(() -> small.parse(body, signed(body)))
                .isInstanceOfSatisfying(InvalidPayloadException.class, e -> {
                    assertThat(e.field()).isEqualTo("body");
                    assertThat(e).hasMessageContaining("limit of 100");
                });
    }

    @Test
    void anEmptyEntryArrayIsAnEmptyBatch() {
        byte[] body = "{\"object\":\"page\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);
        MetaLeadgenBatch batch = meta.parse(body, signed(body));
        assertThat(batch.items()).isEmpty();
        assertThat(batch.errors()).isEmpty();
    }

    @Test
    void aDeliveryWithMoreChangesThanMetaEverBatchesIsRefusedWhole() {
        String change = "{\"field\":\"leadgen\",\"value\":{\"leadgen_id\":\"1\"}},";
        byte[] body = ("{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"changes\":["
                + change.repeat(MetaWebhooks.MAX_CHANGES) + change.substring(0, change.length() - 1) + "]}]}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> meta.parse(body, signed(body)))
                .isInstanceOfSatisfying(io.retentioncenter.core.InvalidPayloadException.class,
                        e -> assertThat(e.field()).isEqualTo("entry"))
                .hasMessageContaining("more than the " + MetaWebhooks.MAX_CHANGES);
    }
}
