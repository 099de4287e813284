package io.retentioncenter.channels.vapi;

import io.retentioncenter.core.internal.Require;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Request headers looked up case-insensitively, as HTTP header names are. */
final class RequestHeaders {
    private final Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private RequestHeaders(Map<String, String> headers) {
        headers.forEach((name, value) -> {
            if (name != null && value != null) {
                byName.put(name.trim(), value);
            }
        });
    }

    /** Wraps the host's header map; null names or values are skipped. */
    static RequestHeaders of(Map<String, String> headers) {
        return new RequestHeaders(Require.present(headers, "headers"));
    }

    /** The trimmed value of header {@code name}, if present and not blank. */
    Optional<String> get(String name) {
        return Require.optionalText(byName.get(name));
    }
}
