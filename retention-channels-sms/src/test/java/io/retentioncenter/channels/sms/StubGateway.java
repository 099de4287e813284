package io.retentioncenter.channels.sms;

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

/**
 * A loopback HTTP stub of an SMS gateway: records every request and answers with scripted replies,
 * repeating the last one once the script runs out.
 */
public final class StubGateway implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Deque<Reply> replies;
    private final CountDownLatch closing = new CountDownLatch(1);

    private StubGateway(int port, List<Reply> script) throws IOException {
        this.replies = new ArrayDeque<>(script);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stub-gateway");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a stub answering with {@code script} in order. */
    public static StubGateway start(Reply... script) throws IOException {
        return startOn(0, script);
    }

    /** Starts a stub on {@code port} of the loopback interface (0: any free port), answering with {@code script}. */
    public static StubGateway startOn(int port, Reply... script) throws IOException {
        if (script.length == 0) {
            throw new IllegalArgumentException("a stub needs at least one reply");
        }
        return new StubGateway(port, List.of(script));
    }

    /** {@code http://127.0.0.1:port}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Requests received so far, in order. */
    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** Stops the server and its threads. */
    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders(), body, System.nanoTime()));
        Reply reply = nextReply();
        try {
            if (reply.held()) {
                closing.await();
            }
            Thread.sleep(reply.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            out.write(bytes);
        } catch (IOException clientGone) {
            exchange.close();
        }
    }

    private synchronized Reply nextReply() {
        return replies.size() > 1 ? replies.poll() : replies.peek();
    }

    /** One request as the stub saw it. */
    public record Recorded(String method, String path, Headers headers, String body, long receivedNanos) {
        /** A request header's first value, or null. */
        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    /**
     * One scripted answer. A {@code held} answer is recorded like any other request, then kept back
     * on a latch until the stub closes: the gateway has the message (and may have sent it) but the
     * caller never hears back.
     */
    public record Reply(int status, Map<String, String> headers, String body, Duration delay, boolean held) {
        /** Answers {@code status} with a JSON {@code body}. */
        public static Reply json(int status, String body) {
            return new Reply(status, Map.of(), body, Duration.ZERO, false);
        }

        /** The same reply with one more header. */
        public Reply withHeader(String name, String value) {
            Map<String, String> all = new java.util.HashMap<>(headers);
            all.put(name, value);
            return new Reply(status, Map.copyOf(all), body, delay, held);
        }

        /** The same reply sent after {@code wait}. */
        public Reply after(Duration wait) {
            return new Reply(status, headers, body, wait, held);
        }

        /** The same reply, held until the stub closes (then written to a caller that is long gone). */
        public Reply heldUntilClose() {
            return new Reply(status, headers, body, delay, true);
        }
    }
}
