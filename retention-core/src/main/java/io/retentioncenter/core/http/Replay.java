package io.retentioncenter.core.http;

import java.net.http.HttpRequest;
import java.util.Set;

/** Whether the transport may send a request again after it may have reached the provider. */
public enum Replay {
    /**
     * Sending twice has the effect of sending once: the method is idempotent (GET, HEAD, PUT,
     * DELETE, OPTIONS) or the provider dedupes by an idempotency key the request carries. Retried on
     * timeouts, I/O errors, 429 and 5xx.
     */
    SAFE,
    /**
     * Sending twice may act twice (a POST that sends a message or places a call). Retried only when
     * it provably did not reach the provider: the connection could not be made, or the provider
     * answered 429.
     */
    UNSAFE;

    private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    /** {@link #SAFE} for the idempotent HTTP methods, else {@link #UNSAFE}. */
    public static Replay of(HttpRequest request) {
        return IDEMPOTENT_METHODS.contains(request.method()) ? SAFE : UNSAFE;
    }
}
