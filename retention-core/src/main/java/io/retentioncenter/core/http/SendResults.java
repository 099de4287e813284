package io.retentioncenter.core.http;

import io.retentioncenter.core.spi.SendResult;
import java.time.Instant;
import java.util.Optional;

/**
 * The rules every HTTP adapter applies to a send that did not succeed, so that all channels agree on
 * what may be sent again: a request that provably never reached the provider, and a 429, are
 * retryable rejections; a 5xx and a request that may have arrived without an answer are unknown
 * outcomes; any other status is a permanent rejection.
 */
public final class SendResults {
    private SendResults() {
    }

    /**
     * The result of a request that got no HTTP answer: a retryable rejection when it provably never
     * reached the provider, else an unknown outcome.
     *
     * @param provider the provider name, prefixed to the error
     */
    public static SendResult transportFailure(String provider, ProviderTransportException e) {
        String error = provider + ": " + e.getMessage();
        return e.mayHaveReachedProvider() ? SendResult.unknown(error) : SendResult.retryableFailure(error, Optional.empty());
    }

    /**
     * The result of a non-2xx answer: 429 is a retryable rejection (with the provider's
     * {@code Retry-After}), 5xx an unknown outcome (the provider may have acted before failing),
     * anything else a permanent rejection.
     *
     * @param error the error text to keep, naming the provider and status
     * @param now the instant that dates an HTTP-date {@code Retry-After}
     */
    public static SendResult httpFailure(HttpResult result, String error, Instant now) {
        if (result.status() == 429) {
            return SendResult.retryableFailure(error, result.retryAfter(now));
        }
        if (result.status() >= 500) {
            return SendResult.unknown(error);
        }
        return SendResult.permanentFailure(error);
    }
}
