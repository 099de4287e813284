package io.retentioncenter.channels.vapi;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback stand-in for the VAPI API: records every request and answers with scripted responses. */
final class StubVapiServer implements AutoCloseable {
    /** One received request; {@code query} is the raw query string, empty when there is none. */
    record Recorded(String method, String path, Headers headers, String body, String query) {
    }

    /**
     * One scripted answer. A {@code held} answer is recorded like any other, then kept back until
     * the stub closes: the server has the request (and may act on it) but the caller never hears.
     */
    record Reply(int status, String body, Map<String, String> headers, Duration delay, boolean held) {
        static Reply of(int status, String body) {
            return new Reply(status, body, Map.of(), Duration.ZERO, false);
        }

        Reply withHeader(String name, String value) {
            return new Reply(status, body, Map.of(name, value), delay, held);
        }

        Reply delayed(Duration value) {
            return new Reply(status, body, headers, value, held);
        }

        /** The same answer, held on a latch that {@link StubVapiServer#close()} releases. */
        Reply heldUntilClose() {
            return new Reply(status, body, headers, delay, true);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Deque<Reply> scripted = new ArrayDeque<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Reply fallback = Reply.of(201, "{\"id\":\"call-1\",\"status\":\"queued\"}");

    StubVapiServer() throws IOException {
        this(0);
    }

    private StubVapiServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** A stub on {@code port} of the loopback interface, e.g. one a test kept refusing until now. */
    static StubVapiServer on(int port) throws IOException {
        return new StubVapiServer(port);
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers the next requests with {@code replies}, in order, then with the fallback. */
    synchronized StubVapiServer then(Reply... replies) {
        scripted.addAll(List.of(replies));
        return this;
    }

    /** Answers every request not scripted with {@code reply}. */
    StubVapiServer always(Reply reply) {
        fallback = reply;
        return this;
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    private synchronized Reply next() {
        Reply reply = scripted.poll();
        return reply != null ? reply : fallback;
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders(), body, query == null ? "" : query));
            Reply reply = next();
            if (reply.held()) {
                closing.await();
            }
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay().toMillis());
            }
            reply.headers().forEach(exchange.getResponseHeaders()::add);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException callerGone) {
            // a held answer released after the caller gave up
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Stops the server and its threads. */
    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
