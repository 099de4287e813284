package io.retentioncenter.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.http.RawHttpStub.Action;
import io.retentioncenter.core.http.RawHttpStub.Recorded;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The replay rules of {@link ProviderHttp}, counted at a loopback stub: what each {@link Replay}
 * retries (refused connection, 429 with {@code Retry-After}, 5xx, read timeout, reset after the
 * request was written), the total timeout, and cancellation of {@link ProviderHttp#executeAsync}.
 * Every request is a POST, so the JDK client's own retry of idempotent methods never adds requests.
 */
class ProviderHttpTest {
    private static final String BODY = "{\"to\":\"+14155550123\",\"text\":\"hello\"}";

    private final List<AutoCloseable> cleanup = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeStubs() throws Exception {
        for (AutoCloseable c : cleanup) {
            c.close();
        }
    }

    private RawHttpStub stub(Action... script) throws Exception {
        RawHttpStub stub = RawHttpStub.start(script);
        cleanup.add(stub);
        return stub;
    }

    /**
     * Unpaced; 500 ms to connect, 2 s per request, 10 s in total; {@code retries} retries 1 ms apart
     * (a Retry-After of up to 5 s is honoured).
     */
    private static ProviderHttp.Builder fast(String name, int retries) {
        return ProviderHttp.builder(name).connectTimeout(Duration.ofMillis(500)).requestTimeout(Duration.ofSeconds(2))
                .totalTimeout(Duration.ofSeconds(10))
                .maxRetries(retries).initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofSeconds(5));
    }

    private static HttpRequest post(URI base) {
        return HttpRequest.newBuilder(base.resolve("/send")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
    }

    private static ProviderTransportException noAnswer(ProviderHttp http, URI base, Replay replay) {
        ProviderTransportException e = catchThrowableOfType(ProviderTransportException.class,
                () -> http.execute(post(base), replay));
        assertThat(e).as("a ProviderTransportException").isNotNull();
        return e;
    }

    // --- answers --------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Replay.class)
    void rateLimitIsRetriedForEitherReplayAfterTheRetryAfterWait(Replay replay) throws Exception {
        RawHttpStub stub = stub(Action.answer(429, "{}", Map.of("Retry-After", "1")), Action.answer(200, "{\"id\":1}"));
        long started = System.nanoTime();

        HttpResult result = fast("t", 3).build().execute(post(stub.baseUri()), replay);

        assertThat(result.status()).isEqualTo(200);
        assertThat(stub.requests()).hasSize(2).extracting(Recorded::body).containsOnly(BODY);
        // the backoff alone would be 1 ms: only Retry-After explains a second's wait
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @ParameterizedTest
    @EnumSource(Replay.class)
    void aRateLimitTheDeadlineLeavesNoRoomForIsReturnedAsIs(Replay replay) throws Exception {
        RawHttpStub stub = stub(Action.answer(429, "{}", Map.of("Retry-After", "3")), Action.answer(200, "{}"));
        ProviderHttp http = fast("t", 3).requestTimeout(Duration.ofSeconds(2)).totalTimeout(Duration.ofMillis(2500))
                .build();

        HttpResult result = http.execute(post(stub.baseUri()), replay);

        assertThat(result.status()).isEqualTo(429);
        assertThat(result.headers().firstValue("Retry-After")).contains("3");
        assertThat(stub.requests()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Replay.class)
    void aRetryAfterLongerThanTheMaxBackoffGoesBackToTheCaller(Replay replay) throws Exception {
        RawHttpStub stub = stub(Action.answer(429, "{}", Map.of("Retry-After", "60")), Action.answer(200, "{}"));

        HttpResult result = fast("t", 3).build().execute(post(stub.baseUri()), replay);

        assertThat(result.status()).isEqualTo(429);
        assertThat(result.headers().firstValue("Retry-After")).contains("60");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void aRateLimitAfterATryThatMayHaveArrivedIsNotACleanRejection() throws Exception {
        RawHttpStub stub = stub(Action.answer(503, "{}"), Action.answer(429, "{}", Map.of("Retry-After", "60")));

        ProviderTransportException e = noAnswer(fast("t", 3).build(), stub.baseUri(), Replay.SAFE);

        assertThat(e.mayHaveReachedProvider()).isTrue();
        assertThat(e.getMessage()).contains("429 after an earlier try");
        assertThat(stub.requests()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorOfAnUnsafeRequestIsReturnedAfterOneRequest(int status) throws Exception {
        RawHttpStub stub = stub(Action.answer(status, "{}"), Action.answer(200, "{}"));

        HttpResult result = fast("t", 3).build().execute(post(stub.baseUri()), Replay.UNSAFE);

        assertThat(result.status()).isEqualTo(status);
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void serverErrorsOfASafeRequestAreRetriedUntilAnAnswer() throws Exception {
        RawHttpStub stub = stub(Action.answer(503, "{}"), Action.answer(502, "{}"), Action.answer(200, "{}"));

        HttpResult result = fast("t", 3).build().execute(post(stub.baseUri()), Replay.SAFE);

        assertThat(result.status()).isEqualTo(200);
        assertThat(stub.requests()).hasSize(3).extracting(Recorded::body).containsOnly(BODY);
    }

    @Test
    void persistentServerErrorOfASafeRequestIsReturnedAfterEveryTry() throws Exception {
        RawHttpStub stub = stub(Action.answer(500, "{\"error\":\"boom\"}"));

        HttpResult result = fast("t", 2).build().execute(post(stub.baseUri()), Replay.SAFE);

        assertThat(result.status()).isEqualTo(500);
        assertThat(result.body()).isEqualTo("{\"error\":\"boom\"}");
        assertThat(stub.requests()).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(Replay.class)
    void clientErrorIsNeverRetried(Replay replay) throws Exception {
        RawHttpStub stub = stub(Action.answer(400, "{}"), Action.answer(200, "{}"));

        HttpResult result = fast("t", 3).build().execute(post(stub.baseUri()), replay);

        assertThat(result.status()).isEqualTo(400);
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void replayOfARequestFollowsItsMethod() {
        URI base = URI.create("http://127.0.0.1:9");
        assertThat(Replay.of(post(base))).isEqualTo(Replay.UNSAFE);
        assertThat(Replay.of(HttpRequest.newBuilder(base).GET().build())).isEqualTo(Replay.SAFE);
        assertThat(Replay.of(HttpRequest.newBuilder(base).PUT(HttpRequest.BodyPublishers.noBody()).build()))
                .isEqualTo(Replay.SAFE);
        assertThat(Replay.of(HttpRequest.newBuilder(base).DELETE().build())).isEqualTo(Replay.SAFE);
    }

    // --- no answer ------------------------------------------------------------------------------

    @Test
    void readTimeoutOfAnUnsafeRequestIsNotRetriedAndMayHaveReachedTheProvider() throws Exception {
        RawHttpStub stub = stub(Action.hold(), Action.answer(200, "{}"));
        ProviderHttp http = fast("t", 3).requestTimeout(Duration.ofSeconds(1)).build();

        ProviderTransportException e = noAnswer(http, stub.baseUri(), Replay.UNSAFE);

        assertThat(e.mayHaveReachedProvider()).isTrue();
        assertThat(e.getCause()).isInstanceOf(HttpTimeoutException.class);
        assertThat(e.getMessage()).isEqualTo("POST /send got no answer: HttpTimeoutException");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void readTimeoutOfASafeRequestIsRetried() throws Exception {
        RawHttpStub stub = stub(Action.hold(), Action.hold(), Action.answer(200, "{}"));
        ProviderHttp http = fast("t", 3).requestTimeout(Duration.ofSeconds(1)).build();

        HttpResult result = http.execute(post(stub.baseUri()), Replay.SAFE);

        assertThat(result.status()).isEqualTo(200);
        assertThat(stub.requests()).hasSize(3).extracting(Recorded::body).containsOnly(BODY);
    }

    @Test
    void readTimeoutOnEveryTryOfASafeRequestEndsAfterTheRetries() throws Exception {
        RawHttpStub stub = stub(Action.hold());
        ProviderHttp http = fast("t", 2).requestTimeout(Duration.ofSeconds(1)).build();

        ProviderTransportException e = noAnswer(http, stub.baseUri(), Replay.SAFE);

        assertThat(e.mayHaveReachedProvider()).isTrue();
        assertThat(e.getCause()).isInstanceOf(HttpTimeoutException.class);
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void resetAfterTheRequestWasWrittenIsNotRetriedWhenUnsafe() throws Exception {
        RawHttpStub stub = stub(Action.reset(), Action.answer(200, "{}"));

        ProviderTransportException e = noAnswer(fast("t", 3).build(), stub.baseUri(), Replay.UNSAFE);

        assertThat(e.mayHaveReachedProvider()).isTrue();
        assertThat(e.getCause()).isInstanceOf(java.io.IOException.class).isNotInstanceOf(ConnectException.class);
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void resetAfterTheRequestWasWrittenIsRetriedWhenSafe() throws Exception {
        RawHttpStub stub = stub(Action.reset(), Action.answer(200, "{}"));

        HttpResult result = fast("t", 3).build().execute(post(stub.baseUri()), Replay.SAFE);

        assertThat(result.status()).isEqualTo(200);
        assertThat(stub.requests()).hasSize(2).extracting(Recorded::body).containsOnly(BODY);
    }

    @ParameterizedTest
    @EnumSource(Replay.class)
    void refusedConnectionProvablyNeverReachedTheProvider(Replay replay) throws Exception {
        int port;
        try (Socket reserved = RawHttpStub.reservePort()) {
            port = reserved.getLocalPort();
            ProviderTransportException e = noAnswer(fast("t", 2).build(), RawHttpStub.uri(port), replay);

            assertThat(e.mayHaveReachedProvider()).isFalse();
            assertThat(e.getCause()).isInstanceOf(ConnectException.class);
            assertThat(e.getMessage()).isEqualTo("POST /send got no answer: ConnectException");
        }
    }

    @ParameterizedTest
    @EnumSource(Replay.class)
    void refusedConnectionIsRetriedAndTheRequestArrivesOnce(Replay replay) throws Exception {
        Socket reserved = RawHttpStub.reservePort();
        int port = reserved.getLocalPort();
        // 1–2 s between tries: room to start the stub while the caller waits for its second try
        ProviderHttp http = fast("t", 3).initialBackoff(Duration.ofSeconds(2)).maxBackoff(Duration.ofSeconds(2))
                .build();
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                outcome.set(http.execute(post(RawHttpStub.uri(port)), replay));
            } catch (RuntimeException e) {
                outcome.set(e);
            }
        }, "caller");
        caller.start();

        // the first try was refused once the caller sleeps in the transport's backoff
        await(() -> inBackoff(caller), "the caller waits for its second try");
        reserved.close();
        RawHttpStub stub = RawHttpStub.on(port, Action.answer(201, "{\"id\":\"m-1\"}"));
        cleanup.add(stub);
        caller.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(outcome.get()).isInstanceOfSatisfying(HttpResult.class, r -> assertThat(r.status()).isEqualTo(201));
        assertThat(stub.requests()).hasSize(1);
    }

    // --- the deadline ---------------------------------------------------------------------------

    @Test
    void totalTimeoutEndsTheCallBeforeTheRetriesRunOut() throws Exception {
        RawHttpStub stub = stub(Action.hold());
        ProviderHttp http = fast("t", 10).requestTimeout(Duration.ofSeconds(1)).totalTimeout(Duration.ofMillis(2500))
                .build();

        ProviderTransportException e = noAnswer(http, stub.baseUri(), Replay.SAFE);

        assertThat(e.mayHaveReachedProvider()).isTrue();
        // each try waits its full timeout (1 s, 1 s, then the 0.5 s left): never 11 tries
        assertThat(stub.requests()).hasSizeBetween(1, 3);
    }

    @Test
    void maxCallTimeIsTheTotalTimeout() {
        assertThat(ProviderHttp.builder("t").build().maxCallTime()).isEqualTo(Duration.ofSeconds(45));
        assertThat(fast("t", 1).totalTimeout(Duration.ofSeconds(7)).requestTimeout(Duration.ofSeconds(3)).build()
                .maxCallTime()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aRequestOrConnectTimeoutLongerThanTheTotalTimeoutIsRefused() {
        assertThatThrownBy(() -> ProviderHttp.builder("t").requestTimeout(Duration.ofSeconds(20))
                .totalTimeout(Duration.ofSeconds(10)).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("totalTimeout");
        assertThatThrownBy(() -> ProviderHttp.builder("t").requestTimeout(Duration.ofSeconds(1))
                .connectTimeout(Duration.ofSeconds(6)).totalTimeout(Duration.ofSeconds(5)).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("totalTimeout");
        assertThatThrownBy(() -> ProviderHttp.builder("t").totalTimeout(Duration.ZERO))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("totalTimeout");
    }

    // --- executeAsync ---------------------------------------------------------------------------

    @Test
    void executeAsyncHandsTheAnswerOrTheTransportFailureToTheHandler() throws Exception {
        RawHttpStub stub = stub(Action.answer(201, "{\"id\":\"x\"}"));
        ProviderHttp http = fast("t", 0).build();

        String answered = http.executeAsync(post(stub.baseUri()), Replay.UNSAFE,
                (r, e) -> r != null ? "status " + r.status() : "failed").get(10, TimeUnit.SECONDS);
        Socket reserved = RawHttpStub.reservePort();
        cleanup.add(reserved);
        String refused = http.executeAsync(post(RawHttpStub.uri(reserved.getLocalPort())), Replay.UNSAFE,
                (r, e) -> r != null ? "status " + r.status() : "reached " + e.mayHaveReachedProvider())
                .get(10, TimeUnit.SECONDS);

        assertThat(answered).isEqualTo("status 201");
        assertThat(refused).isEqualTo("reached false");
    }

    @Test
    void cancellingDuringTheBackoffStopsFurtherTries() throws Exception {
        RawHttpStub stub = stub(Action.answer(503, "{}"));
        String name = "cancel-backoff";
        // minutes between tries, far longer than even a starved machine takes to see the backoff and cancel
        ProviderHttp http = fast(name, 5).initialBackoff(Duration.ofMinutes(5)).maxBackoff(Duration.ofMinutes(5))
                .totalTimeout(Duration.ofMinutes(30)).build();

        CompletableFuture<String> call = http.executeAsync(post(stub.baseUri()), Replay.SAFE, (r, e) -> "done");
        await(() -> transportThreads(name).stream().anyMatch(ProviderHttpTest::inBackoff), "the transport backs off");
        assertThat(call.cancel(true)).isTrue();

        await(() -> transportThreads(name).stream().noneMatch(ProviderHttpTest::inExecute), "the transport stops");
        assertThat(stub.requests()).hasSize(1);
        assertThat(call).isCancelled();
    }

    @Test
    void cancellingWhileATryIsInFlightAbandonsItAndStartsNoOther() throws Exception {
        RawHttpStub stub = stub(Action.hold());
        String name = "cancel-inflight";
        ProviderHttp http = fast(name, 5).requestTimeout(Duration.ofSeconds(20)).totalTimeout(Duration.ofSeconds(60))
                .build();

        CompletableFuture<String> call = http.executeAsync(post(stub.baseUri()), Replay.SAFE, (r, e) -> "done");
        await(() -> stub.requests().size() == 1, "the request arrives");
        assertThat(call.cancel(true)).isTrue();

        await(() -> transportThreads(name).stream().noneMatch(ProviderHttpTest::inExecute), "the transport stops");
        assertThat(stub.requests()).hasSize(1);
    }

    // --- helpers --------------------------------------------------------------------------------

    private static List<Thread> transportThreads(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name + "-http")).toList();
    }

    /** Whether {@code t} sleeps in the transport's backoff between two tries. */
    private static boolean inBackoff(Thread t) {
        StackTraceElement[] stack = t.getStackTrace();
        return stack.length > 1 && stack[0].getClassName().equals(Thread.class.getName())
                && stack[0].getMethodName().equals("sleep") && inExecute(stack);
    }

    private static boolean inExecute(Thread t) {
        return inExecute(t.getStackTrace());
    }

    private static boolean inExecute(StackTraceElement[] stack) {
        return Arrays.stream(stack).anyMatch(f -> f.getClassName().equals(ProviderHttp.class.getName())
                && f.getMethodName().equals("execute"));
    }

    /** Polls until {@code condition} holds; the generous bound only turns a hang into a failure. */
    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(5);
        }
    }
}
