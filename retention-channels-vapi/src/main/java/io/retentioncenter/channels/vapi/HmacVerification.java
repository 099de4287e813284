package io.retentioncenter.channels.vapi;

import io.retentioncenter.core.AuthenticationException;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.internal.Signatures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * How to verify VAPI's HMAC server authentication (a Custom Credential of type HMAC): the signature
 * header carries {@code prefix + encode(HMAC(secret, "{timestamp}.{body}"))} and the timestamp header
 * the signing time, which must be within {@link #maxAge} of now in either direction.
 *
 * <p>Only VAPI's default payload format {@code {timestamp}.{body}} and a UTF-8 (not Base64) secret
 * are supported.
 *
 * @param secret the credential's {@code secretKey}
 * @param algorithm the credential's {@code algorithm}
 * @param signatureHeader header with the signature (VAPI default {@code x-signature})
 * @param timestampHeader header with the timestamp (VAPI default {@code x-timestamp})
 * @param signaturePrefix the credential's {@code signaturePrefix}, e.g. {@code sha256=}; empty for none
 * @param encoding the credential's {@code signatureEncoding} (VAPI default hex)
 * @param maxAge how far the timestamp may be from now before the message counts as stale or replayed
 */
public record HmacVerification(
        String secret,
        HmacAlgorithm algorithm,
        String signatureHeader,
        String timestampHeader,
        String signaturePrefix,
        SignatureEncoding encoding,
        Duration maxAge) {

    /** Default {@link #maxAge}: 5 minutes. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);

    /** Epoch values at or above this are milliseconds, below it seconds (year 5138 in seconds). */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    /** Validates every part. */
    public HmacVerification {
        if (secret == null || secret.isEmpty()) {
            throw new ConfigurationException("vapi hmac: secret is required");
        }
        if (algorithm == null || encoding == null || signaturePrefix == null) {
            throw new ConfigurationException("vapi hmac: algorithm, encoding and signaturePrefix are required");
        }
        if (signatureHeader == null || signatureHeader.isBlank() || timestampHeader == null || timestampHeader.isBlank()) {
            throw new ConfigurationException("vapi hmac: signatureHeader and timestampHeader must not be blank");
        }
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new ConfigurationException("vapi hmac: maxAge must be a positive duration");
        }
    }

    /** Starts a builder with VAPI's defaults: SHA-256, {@code x-signature}, {@code x-timestamp}, hex, no prefix. */
    public static Builder builder(String secret) {
        return new Builder(secret);
    }

    /** Names the headers and algorithm only; the secret never appears. */
    @Override
    public String toString() {
        return "HmacVerification[" + algorithm + ", " + signatureHeader + ", " + timestampHeader + ", maxAge=" + maxAge + "]";
    }

    /** Checks the signature of {@code body}; throws {@link AuthenticationException} naming the failed check. */
    void verify(byte[] body, RequestHeaders headers, Instant now) {
        String signature = headers.get(signatureHeader)
                .orElseThrow(() -> new AuthenticationException("VAPI server message: missing " + signatureHeader + " header"));
        String timestamp = headers.get(timestampHeader)
                .orElseThrow(() -> new AuthenticationException("VAPI server message: missing " + timestampHeader + " header"));
        Instant signedAt = signedAt(timestamp);
        if (Duration.between(signedAt, now).abs().compareTo(maxAge) > 0) {
            throw new AuthenticationException("VAPI server message: " + timestampHeader + " is stale (" + signedAt
                    + ", more than " + maxAge + " from now)");
        }
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, payload, 0, prefix.length);
        System.arraycopy(body, 0, payload, prefix.length, body.length);
        String expected = signaturePrefix + encoding.fromHex(Signatures.hmacHex(algorithm.jcaName(), secret, payload));
        String presented = signature.startsWith(signaturePrefix)
                ? signaturePrefix + encoding.canonical(signature.substring(signaturePrefix.length()))
                : signature;
        if (!Signatures.constantTimeEquals(expected, presented)) {
            throw new AuthenticationException("VAPI server message: " + signatureHeader + " does not match the body");
        }
    }

    private Instant signedAt(String timestamp) {
        try {
            if (timestamp.chars().allMatch(Character::isDigit)) {
                long value = Long.parseLong(timestamp);
                return value >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
            }
            return OffsetDateTime.parse(timestamp).toInstant();
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new AuthenticationException("VAPI server message: " + timestampHeader
                    + " is neither epoch seconds, epoch milliseconds nor an ISO-8601 time");
        }
    }

    /** Builder for {@link HmacVerification}. */
    public static final class Builder {
        private final String secret;
        private HmacAlgorithm algorithm = HmacAlgorithm.SHA256;
        private String signatureHeader = "x-signature";
        private String timestampHeader = "x-timestamp";
        private String signaturePrefix = "";
        private SignatureEncoding encoding = SignatureEncoding.HEX;
        private Duration maxAge = DEFAULT_MAX_AGE;

        private Builder(String secret) {
            this.secret = secret;
        }

        /** The signing algorithm; default SHA-256. */
        public Builder algorithm(HmacAlgorithm value) {
            algorithm = value;
            return this;
        }

        /** The signature header; default {@code x-signature}. */
        public Builder signatureHeader(String value) {
            signatureHeader = value;
            return this;
        }

        /** The timestamp header; default {@code x-timestamp}. */
        public Builder timestampHeader(String value) {
            timestampHeader = value;
            return this;
        }

        /** A prefix before the encoded signature, e.g. {@code sha256=}; default none. */
        public Builder signaturePrefix(String value) {
            signaturePrefix = value;
            return this;
        }

        /** The signature encoding; default hex. */
        public Builder encoding(SignatureEncoding value) {
            encoding = value;
            return this;
        }

        /** The largest accepted distance between the timestamp and now; default 5 minutes. */
        public Builder maxAge(Duration value) {
            maxAge = value;
            return this;
        }

        /** Builds and validates the verification. */
        public HmacVerification build() {
            return new HmacVerification(secret, algorithm, signatureHeader, timestampHeader, signaturePrefix, encoding,
                    maxAge);
        }
    }
}
