package io.retentioncenter.channels.sms;

import io.retentioncenter.core.AuthenticationException;
import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.internal.Signatures;
import java.util.Locale;

/**
 * A webhook authenticity check where the sender puts the lower-case hex HMAC-SHA256 of the raw
 * body, keyed with a shared secret, in one header (an optional {@code sha256=} prefix is accepted).
 *
 * @param headerName the header carrying the signature, used in error messages
 * @param secret the shared signing secret
 */
public record HmacBodySignature(String headerName, String secret) {

    /** Validates the configuration. */
    public HmacBodySignature {
        if (headerName == null || headerName.isBlank()) {
            throw new ConfigurationException("signature header name is required");
        }
        if (secret == null || secret.isBlank()) {
            throw new ConfigurationException("webhook secret must not be blank");
        }
    }

    /**
     * Checks {@code signatureHeader} against {@code rawBody} in constant time.
     *
     * @param rawBody the exact request body bytes
     * @param signatureHeader the header value, null when the header is absent
     * @throws AuthenticationException when the header is missing or does not match
     */
    public void verify(byte[] rawBody, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new AuthenticationException(headerName + " header is missing");
        }
        String given = signatureHeader.trim().toLowerCase(Locale.ROOT);
        if (given.startsWith("sha256=")) {
            given = given.substring("sha256=".length());
        }
        String expected = Signatures.hmacSha256Hex(secret, rawBody == null ? new byte[0] : rawBody);
        if (!Signatures.constantTimeEquals(expected, given)) {
            throw new AuthenticationException(headerName + " does not match the request body");
        }
    }

    /** Hides the secret. */
    @Override
    public String toString() {
        return "HmacBodySignature[" + headerName + "]";
    }
}
