package io.retentioncenter.channels.vapi;

import io.retentioncenter.core.AuthenticationException;
import io.retentioncenter.core.internal.Signatures;
import java.time.Instant;

/**
 * A shared token in a header: VAPI's Bearer credential ({@code Authorization: Bearer <token>}, header
 * name configurable) or the legacy {@code X-Vapi-Secret: <secret>}. Compared in constant time.
 *
 * @param headerName where the token is sent
 * @param scheme the scheme before the token, e.g. {@code Bearer} (matched case-insensitively), or empty
 * @param token the expected token
 */
record HeaderTokenAuthentication(String headerName, String scheme, String token) implements ServerAuthentication {

    /** {@code <headerName>: Bearer <token>}. */
    static HeaderTokenAuthentication bearer(String headerName, String token) {
        return new HeaderTokenAuthentication(headerName, "Bearer", token);
    }

    /** {@code X-Vapi-Secret: <secret>}. */
    static HeaderTokenAuthentication legacySecret(String secret) {
        return new HeaderTokenAuthentication("X-Vapi-Secret", "", secret);
    }

    /** Checks that the header is present, carries the scheme when one is set, and matches the token. */
    @Override
    public void verify(byte[] body, RequestHeaders headers, Instant now) {
        String value = headers.get(headerName)
                .orElseThrow(() -> new AuthenticationException("VAPI server message: missing " + headerName + " header"));
        String presented = value;
        if (!scheme.isEmpty()) {
            String prefix = scheme + " ";
            if (!value.regionMatches(true, 0, prefix, 0, prefix.length())) {
                throw new AuthenticationException("VAPI server message: " + headerName + " header is not a "
                        + scheme + " credential");
            }
            presented = value.substring(prefix.length()).trim();
        }
        if (!Signatures.constantTimeEquals(token, presented)) {
            throw new AuthenticationException("VAPI server message: " + headerName + " header does not match");
        }
    }

    /** Names the header only; the token never appears. */
    @Override
    public String toString() {
        return "HeaderTokenAuthentication[" + headerName + "]";
    }
}
