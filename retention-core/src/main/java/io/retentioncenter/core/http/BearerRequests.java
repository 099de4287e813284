package io.retentioncenter.core.http;

import java.net.URI;
import java.net.http.HttpRequest;

/** Requests of provider APIs that authenticate with {@code Authorization: Bearer <key>}. */
public final class BearerRequests {
    private BearerRequests() {
    }

    /** A GET of {@code uri} asking for JSON, carrying {@code key} as bearer token. */
    public static HttpRequest get(URI uri, String key) {
        return HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + key)
                .header("Accept", "application/json")
                .GET()
                .build();
    }
}
