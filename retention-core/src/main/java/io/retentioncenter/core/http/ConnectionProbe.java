package io.retentioncenter.core.http;

import io.retentioncenter.core.spi.ConnectionCheck;
import java.net.http.HttpRequest;

/**
 * The "test connection" of provider adapters: one read-only authenticated request, its answer told
 * apart for an operator (taken, key refused, other error, unreachable). Never throws for an answer
 * or a transport failure, and never names the credential.
 */
public final class ConnectionProbe {
    private ConnectionProbe() {
    }

    /**
     * Sends {@code request} (a GET, so {@link Replay#SAFE}) through {@code http}; {@code provider}
     * names the provider in the check's detail.
     */
    public static ConnectionCheck probe(ProviderHttp http, HttpRequest request, String provider) {
        String what = request.method() + " " + request.uri().getPath();
        try {
            HttpResult result = http.execute(request, Replay.SAFE);
            if (result.isSuccess()) {
                return ConnectionCheck.ok(provider + " accepted the credentials (" + what + ": HTTP "
                        + result.status() + ")");
            }
            if (result.status() == 401 || result.status() == 403) {
                return ConnectionCheck.failed(provider + " refused the credentials (" + what + ": HTTP "
                        + result.status() + ")");
            }
            return ConnectionCheck.failed(provider + " answered " + what + " with HTTP " + result.status());
        } catch (ProviderTransportException e) {
            return ConnectionCheck.failed(provider + " could not be reached (" + what + "): " + e.getMessage());
        }
    }
}
