package io.retentioncenter.host;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback stand-in for Meta's Graph API: answers every lead id with the same lead, except ids
 * starting with {@value #UNAVAILABLE_PREFIX}, answered 503; records the paths asked for. One per test JVM.
 */
final class GraphStub {
    static final String EMAIL = "maria.garcia@example.com";
    static final String UNAVAILABLE_PREFIX = "503";
    private static final String LEAD = "{\"id\":\"%s\",\"created_time\":\"2026-11-24T14:09:55+0000\","
            + "\"field_data\":[{\"name\":\"full_name\",\"values\":[\"Maria Garcia\"]},"
            + "{\"name\":\"email\",\"values\":[\"%s\"]},{\"name\":\"phone_number\",\"values\":[\"+14155550123\"]}]}";
    private static final GraphStub INSTANCE = new GraphStub();

    private final HttpServer server;
    final List<String> paths = new CopyOnWriteArrayList<>();

    private GraphStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    static GraphStub get() {
        return INSTANCE;
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        paths.add(path);
        String id = path.substring(path.lastIndexOf('/') + 1);
        boolean unavailable = id.startsWith(UNAVAILABLE_PREFIX);
        byte[] body = (unavailable ? "{\"error\":{\"message\":\"Service temporarily unavailable\",\"code\":2}}"
                : String.format(LEAD, id, EMAIL)).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(unavailable ? 503 : 200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
