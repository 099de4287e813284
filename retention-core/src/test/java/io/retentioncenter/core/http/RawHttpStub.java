package io.retentioncenter.core.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A loopback HTTP/1.1 server on a plain socket, so that a test controls what happens after the
 * request arrived: answer, hold the answer until the stub closes, or reset the connection. Every
 * request is read completely and recorded before the scripted action runs; the last action repeats
 * once the script runs out. One request per connection ({@code Connection: close}).
 */
final class RawHttpStub implements AutoCloseable {

    /** One request as the stub read it. */
    record Recorded(String method, String path, Map<String, String> headers, String body) {
    }

    /** What the stub does once it has read a request. */
    record Action(int status, Map<String, String> headers, String body, Kind kind) {
        enum Kind { ANSWER, HOLD, RESET }

        static Action answer(int status, String body) {
            return new Action(status, Map.of(), body, Kind.ANSWER);
        }

        static Action answer(int status, String body, Map<String, String> headers) {
            return new Action(status, headers, body, Kind.ANSWER);
        }

        /** Keeps the answer back until the stub closes: the caller times out. */
        static Action hold() {
            return new Action(0, Map.of(), "", Kind.HOLD);
        }

        /** Resets the connection (RST) after reading the whole request, without a byte of answer. */
        static Action reset() {
            return new Action(0, Map.of(), "", Kind.RESET);
        }
    }

    private final ServerSocket server;
    private final Deque<Action> script;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private Action last;

    private RawHttpStub(ServerSocket server, List<Action> script) {
        this.server = server;
        this.script = new ArrayDeque<>(script);
        Thread acceptor = new Thread(this::acceptLoop, "raw-http-stub");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A stub on a free loopback port. */
    static RawHttpStub start(Action... script) throws IOException {
        return on(0, script);
    }

    /** A stub on {@code port} of the loopback interface. */
    static RawHttpStub on(int port, Action... script) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        return new RawHttpStub(socket, List.of(script));
    }

    /**
     * Holds a free loopback port without listening on it: a connection to it is refused until the
     * socket is closed and a stub started {@linkplain #on on that port}.
     */
    static Socket reservePort() throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return socket;
    }

    /** {@code http://127.0.0.1:<port>}. */
    static URI uri(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    URI baseUri() {
        return uri(server.getLocalPort());
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException closed) {
                return;
            }
            open.add(socket);
            Thread handler = new Thread(() -> handle(socket), "raw-http-stub-conn");
            handler.setDaemon(true);
            handler.start();
        }
    }

    private void handle(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            Recorded request = read(in);
            if (request == null) {
                return;
            }
            requests.add(request);
            Action action = next();
            switch (action.kind()) {
                case HOLD -> closing.await();
                case RESET -> {
                    socket.setSoLinger(true, 0);
                    return;
                }
                case ANSWER -> write(socket.getOutputStream(), action);
            }
        } catch (IOException | InterruptedException gone) {
            // the caller gave up or the stub is closing
        }
    }

    private synchronized Action next() {
        if (!script.isEmpty()) {
            last = script.poll();
        }
        return last;
    }

    private static Recorded read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, String> headers = new java.util.HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Recorded(requestLine[0], URI.create(requestLine[1]).getPath(), Map.copyOf(headers),
                new String(body, StandardCharsets.UTF_8));
    }

    private static void write(OutputStream out, Action action) throws IOException {
        byte[] body = action.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(action.status()).append(" Status\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Connection: close\r\n");
        action.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    /** Releases held answers, stops listening and closes every connection. */
    @Override
    public void close() {
        closing.countDown();
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
