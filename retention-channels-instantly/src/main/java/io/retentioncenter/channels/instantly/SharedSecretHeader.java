package io.retentioncenter.channels.instantly;

import io.retentioncenter.core.AuthenticationException;
import io.retentioncenter.core.internal.Signatures;
import java.util.Optional;
import java.util.function.Function;

/**
 * The custom header Instantly sends on every webhook delivery because the subscription's
 * {@code headers} set it: Instantly signs nothing (PROVIDERS S2), so this shared secret is the only
 * delivery authentication. {@link #toString()} never shows the secret.
 *
 * @param name the header name
 * @param secret the expected header value
 */
record SharedSecretHeader(String name, String secret) {

    /**
     * Checks the header found by {@code lookup} against the secret in constant time.
     *
     * @throws AuthenticationException when the header is missing or differs
     */
    void verify(Function<String, Optional<String>> lookup) {
        Optional<String> sent = lookup.apply(name);
        if (sent == null || sent.isEmpty()) {
            throw new AuthenticationException("Instantly webhook: header " + name + " is missing");
        }
        if (!Signatures.constantTimeEquals(secret, sent.get().trim())) {
            throw new AuthenticationException("Instantly webhook: header " + name + " does not match the shared secret");
        }
    }

    /** The header name only. */
    @Override
    public String toString() {
        return "SharedSecretHeader[name=" + name + ", secret=***]";
    }
}
