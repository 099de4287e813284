package io.retentioncenter.channels.instantly;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback stand-in for api.instantly.ai: records every request and answers from a queue of
 * replies, repeating the last one when the queue runs dry.
 */
final class StubInstantly implements AutoCloseable {

    /** One recorded request; {@code query} is the raw query string, empty when there is none. */
    record Recorded(String method, String path, Headers headers, String body, String query) {
    }

    /**
     * One canned answer; {@code hang} is recorded like any request, then held on a latch until the
     * stub closes: Instantly has the request (and may have acted) but the caller never hears.
     */
    record Reply(int status, Map<String, String> headers, String body, boolean hang) {
        static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body, false);
        }

        static Reply json(int status, String body, Map<String, String> headers) {
            return new Reply(status, headers, body, false);
        }

        static Reply never() {
            return new Reply(0, Map.of(), "", true);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Deque<Reply> replies = new ArrayDeque<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private Reply last;

    StubInstantly(Reply... replies) throws IOException {
        this(0, replies);
    }

    private StubInstantly(int port, Reply... replies) throws IOException {
        this.replies.addAll(List.of(replies));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A stub on {@code port} of the loopback interface, e.g. one a test kept refusing until now. */
    static StubInstantly on(int port, Reply... replies) throws IOException {
        return new StubInstantly(port, replies);
    }

    /** Base URI to configure the provider with. */
    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Requests seen so far. */
    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders(), body, query == null ? "" : query));
        Reply reply = next();
        if (reply.hang()) {
            awaitClose();
            exchange.close();
            return;
        }
        reply.headers().forEach(exchange.getResponseHeaders()::add);
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private synchronized Reply next() {
        if (!replies.isEmpty()) {
            last = replies.poll();
        }
        return last;
    }

    private void awaitClose() {
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
