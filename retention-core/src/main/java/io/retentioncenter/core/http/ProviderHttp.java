package io.retentioncenter.core.http;

import io.retentioncenter.core.ConfigurationException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP transport shared by provider adapters: JDK {@link HttpClient}, a per-request timeout, an
 * overall deadline per call ({@link Builder#totalTimeout}), retries with exponential backoff and
 * jitter (honouring {@code Retry-After}), and pacing (requests per second and concurrent requests)
 * that delays requests rather than dropping them. Thread-safe.
 *
 * <p>What is retried depends on the request's {@link Replay}: every request is retried when it
 * provably did not reach the provider (the connection could not be made) or the provider answered
 * 429; only {@link Replay#SAFE} requests are also retried after a read timeout, an I/O error after
 * the connection was made, or a 5xx. An {@link Replay#UNSAFE} request is never sent twice once it
 * may have arrived. A {@code Retry-After} longer than {@link Builder#maxBackoff} is not waited out
 * here: the 429 goes back to the caller, whose own schedule honours it. A 429 that follows a try the
 * provider may have acted on is reported as a transport failure that may have reached the provider,
 * never as a clean rejection.
 *
 * <p>Never logs request bodies or headers: they carry personal data and credentials.
 */
public final class ProviderHttp {
    private static final Logger log = LoggerFactory.getLogger(ProviderHttp.class);

    private final HttpClient client;
    private final Duration requestTimeout;
    private final Duration totalTimeout;
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
        this.totalTimeout = b.totalTimeout;
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
     * The longest one call of {@link #execute} or {@link #executeAsync} takes, every try, wait and
     * queue included: the {@linkplain Builder#totalTimeout total timeout}.
     */
    public Duration maxCallTime() {
        return totalTimeout;
    }

    /** {@link #execute(HttpRequest, Replay)} with the replay safety of the request's method. */
    public HttpResult execute(HttpRequest request) {
        return execute(request, Replay.of(request));
    }

    /**
     * Executes {@code request} with pacing and retries, blocking the caller, within the total timeout.
     *
     * @return the final response: a success, an error the replay rules do not retry, or the last
     *     retryable error when tries or time ran out
     * @throws ProviderTransportException when no try got an answer; it tells whether the request may
     *     have reached the provider
     */
    public HttpResult execute(HttpRequest request, Replay replay) {
        long deadline = System.nanoTime() + totalTimeout.toNanos();
        String what = request.method() + " " + request.uri().getPath();
        boolean mayHaveActed = false;
        Exception lastError = null;
        HttpResult last = null;
        for (int tryNo = 0; tryNo <= maxRetries; tryNo++) {
            if (tryNo > 0) {
                Optional<Duration> asked = last == null ? Optional.empty() : last.retryAfter(clock.instant());
                if (asked.filter(d -> d.compareTo(maxBackoff) > 0).isPresent()) {
                    break; // the provider asked for a longer wait than the transport makes: the caller waits
                }
                Duration wait = backoff(tryNo, asked);
                if (System.nanoTime() + wait.toNanos() >= deadline) {
                    break;
                }
                log.debug("{}: retry {} after {} ms", what, tryNo, wait.toMillis());
                sleep(wait, what, mayHaveActed);
            }
            Try attempt = once(request, deadline, what, mayHaveActed);
            if (attempt.notStarted()) {
                break;
            }
            mayHaveActed |= attempt.mayHaveActed();
            last = attempt.result();
            lastError = attempt.error();
            if (last != null && !retries(last, replay)) {
                return last;
            }
            if (last == null && attempt.mayHaveActed() && replay == Replay.UNSAFE) {
                break;
            }
        }
        if (last != null && (last.status() != 429 || !mayHaveActed)) {
            return last;
        }
        // no answer, or a 429 after an earlier try that may have been acted on: the caller must not
        // take it for a clean rejection and send the same content under a new key
        String outcome = last != null ? " got HTTP 429 after an earlier try that may have arrived"
                : " got no answer: " + (lastError == null ? "deadline reached before the request could be sent"
                        : lastError.getClass().getSimpleName());
        throw new ProviderTransportException(what + outcome, lastError, mayHaveActed);
    }

    /**
     * {@link #execute(HttpRequest, Replay)} on this transport's own threads, handing the response or
     * the transport failure to {@code handler}. Cancelling the returned future interrupts the call:
     * no further try starts, and a try in flight is abandoned.
     */
    public <T> CompletableFuture<T> executeAsync(HttpRequest request, Replay replay,
            BiFunction<HttpResult, ProviderTransportException, T> handler) {
        CompletableFuture<T> out = new CompletableFuture<>();
        Future<?> task = executor.submit(() -> {
            try {
                HttpResult result;
                try {
                    result = execute(request, replay);
                } catch (ProviderTransportException e) {
                    out.complete(handler.apply(null, e));
                    return;
                }
                out.complete(handler.apply(result, null));
            } catch (RuntimeException e) {
                out.completeExceptionally(e);
            }
        });
        out.whenComplete((v, e) -> {
            if (out.isCancelled()) {
                task.cancel(true);
            }
        });
        return out;
    }

    private static boolean retries(HttpResult result, Replay replay) {
        if (result.status() == 429) {
            return true;
        }
        return replay == Replay.SAFE && result.status() >= 500;
    }

    /**
     * One try: a response or an I/O error, and whether the provider may have acted on the request (a
     * 429 says it did not; a try that could not start did not reach it).
     */
    private record Try(HttpResult result, Exception error, boolean mayHaveActed, boolean notStarted) {
        static final Try NOT_STARTED = new Try(null, null, false, true);

        static Try answered(HttpResult result) {
            return new Try(result, null, result.status() != 429, false);
        }

        static Try failed(IOException error, boolean mayHaveActed) {
            return new Try(null, error, mayHaveActed, false);
        }
    }

    private Try once(HttpRequest request, long deadline, String what, boolean actedBefore) {
        boolean acquired = false;
        try {
            acquired = concurrency.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (!acquired) {
                return Try.NOT_STARTED;
            }
            Duration pace = pacer.reserve(System.nanoTime());
            if (System.nanoTime() + pace.toNanos() >= deadline) {
                return Try.NOT_STARTED;
            }
            sleep(pace, what, actedBefore);
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return Try.NOT_STARTED;
            }
            Duration timeout = Duration.ofNanos(Math.min(requestTimeout.toNanos(), remaining));
            HttpRequest timed = HttpRequest.newBuilder(request, (n, v) -> true).timeout(timeout).build();
            HttpResponse<String> response = client.send(timed, HttpResponse.BodyHandlers.ofString());
            return Try.answered(new HttpResult(response.statusCode(), response.headers(),
                    response.body() == null ? "" : response.body()));
        } catch (IOException e) {
            return Try.failed(e, !neverConnected(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderTransportException(what + " interrupted", e, true);
        } finally {
            if (acquired) {
                concurrency.release();
            }
        }
    }

    /** Whether {@code e} proves that no connection was made, so the request cannot have arrived. */
    private static boolean neverConnected(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException
                    || t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }

    private Duration backoff(int tryNo, Optional<Duration> retryAfter) {
        long exp = initialBackoff.toMillis() << Math.min(tryNo - 1, 20);
        long capped = Math.min(exp, maxBackoff.toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        long wanted = retryAfter.map(Duration::toMillis).map(ra -> Math.max(ra, jittered)).orElse(jittered);
        return Duration.ofMillis(Math.min(wanted, maxBackoff.toMillis()));
    }

    private static void sleep(Duration d, String what, boolean mayHaveReached) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderTransportException(what + " interrupted while waiting", e, mayHaveReached);
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

    /**
     * Builder with defaults: 5 s connect, 15 s per request, 45 s per call in total, 3 retries,
     * 500 ms → 30 s backoff, no pacing, 16 concurrent requests.
     */
    public static final class Builder {
        private final String name;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(15);
        private Duration totalTimeout = Duration.ofSeconds(45);
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

        /**
         * The deadline of one call, every try, backoff, pacing and queueing included; no try starts
         * after it and the last try's timeout is cut to fit. Keep it below the engine's dispatch
         * timeout (the engine checks).
         */
        public Builder totalTimeout(Duration value) {
            totalTimeout = positive(value, "totalTimeout");
            return this;
        }

        /** Retries after the first try, as far as the {@link Replay} rules and the total timeout allow; 0 disables retries. */
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

        /**
         * Builds the transport.
         *
         * @throws ConfigurationException when the request or connect timeout exceeds the total timeout
         */
        public ProviderHttp build() {
            if (requestTimeout.compareTo(totalTimeout) > 0 || connectTimeout.compareTo(totalTimeout) > 0) {
                throw new ConfigurationException(name + ": requestTimeout and connectTimeout must not exceed totalTimeout ("
                        + totalTimeout + ")");
            }
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
