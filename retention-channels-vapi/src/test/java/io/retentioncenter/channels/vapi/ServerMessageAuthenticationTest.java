package io.retentioncenter.channels.vapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retentioncenter.core.AuthenticationException;
import io.retentioncenter.core.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerMessageAuthenticationTest {
    private static final Instant NOW = Instant.parse("2025-11-24T15:02:30Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final byte[] BODY = VapiServerMessagesTest.statusUpdate("ringing").toString()
            .getBytes(StandardCharsets.UTF_8);
    private static final String SECRET = "whsec_test_secret";

    private static VapiServerMessages.Builder builder() {
        return VapiServerMessages.builder().clock(CLOCK);
    }

    private static String hmac(String jcaAlgorithm, String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance(jcaAlgorithm);
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), jcaAlgorithm));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void bearerTokenInAuthorizationIsAccepted() {
        VapiServerMessages parser = builder().bearerToken("tok_123").build();

        assertThat(parser.parse(BODY, Map.of("authorization", "Bearer tok_123"))).hasSize(1);
        assertThat(parser.parse(BODY, Map.of("Authorization", "bearer tok_123"))).hasSize(1);
    }

    @Test
    void bearerTokenWrongMissingOrWithoutSchemeIsRejected() {
        VapiServerMessages parser = builder().bearerToken("tok_123").build();

        assertThatThrownBy(() -> parser.parse(BODY, Map.of("Authorization", "Bearer tok_124")))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("does not match")
                .hasMessageNotContaining("tok_123");
        assertThatThrownBy(() -> parser.parse(BODY, Map.of()))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("missing Authorization");
        assertThatThrownBy(() -> parser.parse(BODY, Map.of("Authorization", "tok_123")))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("not a Bearer credential");
    }

    @Test
    void bearerTokenHeaderNameIsConfigurable() {
        VapiServerMessages parser = builder().bearerToken("X-Webhook-Auth", "tok_123").build();

        assertThat(parser.parse(BODY, Map.of("x-webhook-auth", "Bearer tok_123"))).hasSize(1);
        assertThatThrownBy(() -> parser.parse(BODY, Map.of("Authorization", "Bearer tok_123")))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("X-Webhook-Auth");
    }

    @Test
    void legacySecretHeaderIsChecked() {
        VapiServerMessages parser = builder().legacySecret("s3cret").build();

        assertThat(parser.parse(BODY, Map.of("x-vapi-secret", "s3cret"))).hasSize(1);
        assertThatThrownBy(() -> parser.parse(BODY, Map.of("X-Vapi-Secret", "s3creT")))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> parser.parse(BODY, Map.of("Authorization", "Bearer s3cret")))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("X-Vapi-Secret");
    }

    @Test
    void authenticationIsCheckedBeforeTheBodyIsParsed() {
        VapiServerMessages parser = builder().legacySecret("s3cret").build();

        assertThatThrownBy(() -> parser.parse("{not json".getBytes(StandardCharsets.UTF_8), Map.of()))
                .isInstanceOf(AuthenticationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1763996550000", "1763996550", "2025-11-24T15:02:30Z"})
    void hmacSha256HexWithEpochMillisSecondsOrIsoTimestamp(String timestamp) throws Exception {
        VapiServerMessages parser = builder().hmac(HmacVerification.builder(SECRET).build()).build();

        String signature = hmac("HmacSHA256", timestamp, BODY);

        assertThat(parser.parse(BODY, Map.of("X-Signature", signature, "x-timestamp", timestamp))).hasSize(1);
        assertThat(parser.parse(BODY, Map.of("x-signature", signature.toUpperCase(), "x-timestamp", timestamp)))
                .hasSize(1);
    }

    @Test
    void hmacSha512Base64WithPrefixAndCustomHeaders() throws Exception {
        VapiServerMessages parser = builder().hmac(HmacVerification.builder(SECRET)
                        .algorithm(HmacAlgorithm.SHA512)
                        .encoding(SignatureEncoding.BASE64)
                        .signaturePrefix("sha512=")
                        .signatureHeader("X-Hook-Signature")
                        .timestampHeader("X-Hook-Time")
                        .build())
                .build();
        String timestamp = "1763996550";
        String signature = "sha512=" + Base64.getEncoder().encodeToString(
                HexFormat.of().parseHex(hmac("HmacSHA512", timestamp, BODY)));

        assertThat(parser.parse(BODY, Map.of("X-Hook-Signature", signature, "X-Hook-Time", timestamp))).hasSize(1);
        assertThatThrownBy(() -> parser.parse(BODY, Map.of("X-Hook-Signature", signature.substring(7),
                "X-Hook-Time", timestamp))).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void hmacSha1IsSupported() throws Exception {
        VapiServerMessages parser = builder().hmac(HmacVerification.builder(SECRET).algorithm(HmacAlgorithm.SHA1)
                .build()).build();
        String timestamp = "1763996550";

        assertThat(parser.parse(BODY, Map.of("x-signature", hmac("HmacSHA1", timestamp, BODY),
                "x-timestamp", timestamp))).hasSize(1);
    }

    @Test
    void hmacRejectsWrongSignatureTamperedBodyAndMissingHeaders() throws Exception {
        VapiServerMessages parser = builder().hmac(HmacVerification.builder(SECRET).build()).build();
        String timestamp = "1763996550";
        String signature = hmac("HmacSHA256", timestamp, BODY);
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("ringing", "ended")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(tampered, Map.of("x-signature", signature, "x-timestamp", timestamp)))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> parser.parse(BODY, Map.of("x-signature", signature, "x-timestamp", "1763996551")))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> parser.parse(BODY, Map.of("x-timestamp", timestamp)))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("missing x-signature");
        assertThatThrownBy(() -> parser.parse(BODY, Map.of("x-signature", signature)))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("missing x-timestamp");
        assertThatThrownBy(() -> parser.parse(BODY, Map.of("x-signature", signature, "x-timestamp", "soon")))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("x-timestamp");
    }

    @ParameterizedTest
    @ValueSource(longs = {-301, 301, -86_400})
    void hmacRejectsStaleOrFutureTimestamps(long offsetSeconds) throws Exception {
        VapiServerMessages parser = builder().hmac(HmacVerification.builder(SECRET).build()).build();
        String timestamp = Long.toString(NOW.getEpochSecond() + offsetSeconds);

        assertThatThrownBy(() -> parser.parse(BODY, Map.of("x-signature", hmac("HmacSHA256", timestamp, BODY),
                "x-timestamp", timestamp)))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("stale");
    }

    @Test
    void hmacMaxAgeIsConfigurable() throws Exception {
        VapiServerMessages parser = builder().hmac(HmacVerification.builder(SECRET).maxAge(Duration.ofHours(1))
                .build()).build();
        String timestamp = Long.toString(NOW.getEpochSecond() - 1800);

        assertThat(parser.parse(BODY, Map.of("x-signature", hmac("HmacSHA256", timestamp, BODY),
                "x-timestamp", timestamp))).hasSize(1);
    }

    @Test
    void unauthenticatedMustBeChosenExplicitly() {
        assertThatThrownBy(() -> VapiServerMessages.builder().build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("unauthenticated()");
        assertThat(VapiServerMessages.builder().unauthenticated().build().parse(BODY, Map.of())).hasSize(1);
    }

    @Test
    void builderRejectsConflictingOrBlankAuthentication() {
        assertThatThrownBy(() -> VapiServerMessages.builder().bearerToken("a").legacySecret("b"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("already configured");
        assertThatThrownBy(() -> VapiServerMessages.builder().bearerToken(" "))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("token");
        assertThatThrownBy(() -> VapiServerMessages.builder().hmac(null))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> HmacVerification.builder("").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("secret");
        assertThatThrownBy(() -> HmacVerification.builder(SECRET).maxAge(Duration.ZERO).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("maxAge");
        assertThatThrownBy(() -> VapiServerMessages.builder().keywordVocabulary(Arrays.asList("a", null)))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void secretsNeverAppearInToString() {
        assertThat(HmacVerification.builder(SECRET).build().toString()).doesNotContain(SECRET);
        assertThat(HeaderTokenAuthentication.legacySecret("s3cret").toString()).doesNotContain("s3cret");
    }
}
