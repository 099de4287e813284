package io.retentioncenter.core.http;

import io.retentioncenter.core.ConfigurationException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP transport shared by provider adapters: JDK {@link HttpClient}, per-request timeout,
 * retries with exponential backoff and jitter on 429, 5xx, timeouts and I/O errors (honouring
 * {@code Retry-After}), no retry on other 4xx, and pacing (requests per second and concurrent
 * requests) that delays requests rather than dropping them. Thread-safe.
 *
 * <p>Never logs request bodies or headers: they carry personal data and credentials.
 */
public final class ProviderHttp {
    private static final Logger log = LoggerFactory.getLogger(ProviderHttp.class);

    private final HttpClient client;
    private final Duration requestTimeout;
    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Semaphore concurrency;
    private final Pacer pacer;
    private final Clock clock;
    private final ExecutorService executor;

    private ProviderHttp(Builder b) {
        this.client = HttpClient.newBuilder().connectTimeout(b.connectTimeout).build();
        this.requestTimeout = b.requestTimeout;
        this.maxRetries = b.maxRetries;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.concurrency = new Semaphore(b.maxConcurrent, true);
        this.pacer = new Pacer(b.requestsPerSecond);
        this.clock = b.clock;
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, b.name + "-http");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts a builder; {@code name} labels threads and log lines (e.g. {@code instantly}). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Executes {@code request} with pacing and retries, blocking the caller.
     *
     * @return the final response: a success, a non-retryable error, or the last retryable error
     * @throws ProviderTransportException when every try timed out or failed with an I/O error
     */
    public HttpResult execute(HttpRequest request) {
        HttpRequest timed = HttpRequest.newBuilder(request, (n, v) -> true).timeout(requestTimeout).build();
        Exception lastError = null;
        HttpResult last = null;
        for (int tryNo = 0; tryNo <= maxRetries; tryNo++) {
            if (tryNo > 0) {
                Duration wait = backoff(tryNo, last == null ? Optional.empty() : last.retryAfter(clock.instant()));
                log.debug("{} {}: retry {} after {} ms", request.method(), request.uri().getPath(), tryNo, wait.toMillis());
                sleep(wait);
            }
            try {
                last = once(timed);
                lastError = null;
                if (!last.isRetryable()) {
                    return last;
                }
            } catch (HttpTimeoutException e) {
                lastError = e;
                last = null;
            } catch (IOException e) {
                lastError = e;
                last = null;
            }
        }
        if (last != null) {
            return last;
        }
        throw new ProviderTransportException(request.method() + " " + request.uri().getPath() + " failed after "
                + (maxRetries + 1) + " tries: " + lastError.getClass().getSimpleName(), lastError);
    }

    /** {@link #execute} on this transport's own threads. */
    public CompletableFuture<HttpResult> executeAsync(HttpRequest request) {
        return CompletableFuture.supplyAsync(() -> execute(request), executor);
    }

    private HttpResult once(HttpRequest request) throws IOException {
        try {
            concurrency.acquire();
            try {
                sleep(pacer.reserve(System.nanoTime()));
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                return new HttpResult(response.statusCode(), response.headers(), response.body() == null ? "" : response.body());
            } finally {
                concurrency.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderTransportException("interrupted", e);
        }
    }

    private Duration backoff(int tryNo, Optional<Duration> retryAfter) {
        long exp = initialBackoff.toMillis() << Math.min(tryNo - 1, 20);
        long capped = Math.min(exp, maxBackoff.toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        long wanted = retryAfter.map(Duration::toMillis).map(ra -> Math.max(ra, jittered)).orElse(jittered);
        return Duration.ofMillis(Math.min(wanted, maxBackoff.toMillis()));
    }

    private static void sleep(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderTransportException("interrupted while waiting", e);
        }
    }

    /** Spaces request starts at least {@code 1/rps} apart; a rate of 0 means no pacing. */
    private static final class Pacer {
        private final long intervalNanos;
        private long nextSlot;

        Pacer(double requestsPerSecond) {
            this.intervalNanos = requestsPerSecond <= 0 ? 0 : (long) (1_000_000_000L / requestsPerSecond);
        }

        synchronized Duration reserve(long nowNanos) {
            if (intervalNanos == 0) {
                return Duration.ZERO;
            }
            long slot = Math.max(nowNanos, nextSlot);
            nextSlot = slot + intervalNanos;
            return Duration.ofNanos(slot - nowNanos);
        }
    }

    /** Builder with defaults: 5 s connect, 15 s request, 3 retries, 500 ms → 30 s backoff, no pacing, 16 concurrent. */
    public static final class Builder {
        private final String name;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(15);
        private int maxRetries = 3;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private double requestsPerSecond;
        private int maxConcurrent = 16;
        private Clock clock = Clock.systemUTC();

        private Builder(String name) {
            if (name == null || name.isBlank()) {
                throw new ConfigurationException("ProviderHttp needs a name");
            }
            this.name = name;
        }

        /** TCP connect timeout. */
        public Builder connectTimeout(Duration value) {
            connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        /** Timeout for one request, response included. */
        public Builder requestTimeout(Duration value) {
            requestTimeout = positive(value, "requestTimeout");
            return this;
        }

        /** Retries after the first try for 429, 5xx, timeouts and I/O errors; 0 disables retries. */
        public Builder maxRetries(int value) {
            if (value < 0) {
                throw new ConfigurationException(name + ": maxRetries must not be negative");
            }
            maxRetries = value;
            return this;
        }

        /** First backoff; doubled per retry with jitter, capped by {@link #maxBackoff}. */
        public Builder initialBackoff(Duration value) {
            initialBackoff = positive(value, "initialBackoff");
            return this;
        }

        /** Longest wait between tries, also the cap on an honoured {@code Retry-After}. */
        public Builder maxBackoff(Duration value) {
            maxBackoff = positive(value, "maxBackoff");
            return this;
        }

        /** Provider-side pacing: at most this many request starts per second (0 = unlimited). */
        public Builder requestsPerSecond(double value) {
            if (value < 0 || Double.isNaN(value)) {
                throw new ConfigurationException(name + ": requestsPerSecond must be >= 0");
            }
            requestsPerSecond = value;
            return this;
        }

        /** At most this many requests in flight; further requests wait. */
        public Builder maxConcurrent(int value) {
            if (value < 1) {
                throw new ConfigurationException(name + ": maxConcurrent must be at least 1");
            }
            maxConcurrent = value;
            return this;
        }

        /** Clock used to interpret HTTP-date {@code Retry-After} values. */
        public Builder clock(Clock value) {
            if (value == null) {
                throw new ConfigurationException(name + ": clock is required");
            }
            clock = value;
            return this;
        }

        /** Builds the transport. */
        public ProviderHttp build() {
            return new ProviderHttp(this);
        }

        private Duration positive(Duration d, String field) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new ConfigurationException(name + ": " + field + " must be a positive duration");
            }
            return d;
        }
    }
}
