package io.retentioncenter.core.inbound.meta;

import io.retentioncenter.core.fuzz.Fuzz;
import io.retentioncenter.core.fuzz.FuzzWorld;
import io.retentioncenter.core.http.ProviderHttp;
import io.retentioncenter.core.lead.NewLead;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Graph API lead responses from a loopback stub, mutated: fetching gives a lead or a typed exception
 * that never shows the access token, and ingesting the lead stores it or nothing.
 */
class GraphLeadClientFuzzTest {
    private static final String TOKEN = "fuzz-page-token";
    private static final String LEADGEN_ID = "1234567890123456";
    private static final int RESPONSES = 2_000;
    private static final int FRESH_WORLD_EVERY = 250;

    private ServerSocket server;
    private Thread acceptor;
    private volatile int status = 200;
    private volatile byte[] body = new byte[0];

    /**
     * A loopback stub on a plain socket that writes each answer in one piece and closes the connection
     * (the JDK's HttpServer writes headers and body apart, which costs a delayed ACK per request).
     */
    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    readRequestHead(socket.getInputStream());
                    byte[] answer = body;
                    ByteArrayOutputStream out = new ByteArrayOutputStream(answer.length + 128);
                    out.writeBytes(("HTTP/1.1 " + status + " Stub\r\nContent-Type: application/json\r\nContent-Length: "
                            + answer.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.writeBytes(answer);
                    socket.getOutputStream().write(out.toByteArray());
                } catch (IOException e) {
                    // closed by stop(), or the client gave up: next connection
                }
            }
        }, "graph-fuzz-stub");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stop() throws IOException, InterruptedException {
        server.close();
        acceptor.join(5_000);
    }

    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b = in.read(); b >= 0; b = in.read()) {
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
            if (matched == end.length) {
                return;
            }
        }
    }

    @Test
    void responses() throws IOException {
        Fuzz fuzz = new Fuzz("Graph lead response", 20261126L);
        GraphLeadClient graph = GraphLeadClient.builder().pageAccessToken(TOKEN)
                .baseUri(URI.create("http://127.0.0.1:" + server.getLocalPort()))
                .http(ProviderHttp.builder("meta-graph").maxRetries(0).build()).build();
        byte[] lead = fixture("meta-graph-lead.json");
        byte[] error = ("{\"error\":{\"message\":\"Invalid OAuth access token " + TOKEN + "\",\"type\":\"OAuthException\","
                + "\"code\":190,\"is_transient\":false,\"fbtrace_id\":\"AbC\"}}").getBytes(StandardCharsets.UTF_8);
        FuzzWorld world = null;
        for (int i = 0; i < RESPONSES; i++) {
            if (i % FRESH_WORLD_EVERY == 0) {
                world = FuzzWorld.create(Map.of(), b -> b);
            }
            boolean ok = fuzz.mutator().chance(0.85);
            status = ok ? 200 : fuzz.mutator().pick(List.of(400, 404, 500, 503));
            byte[] response = fuzz.mutator().mutate(ok ? lead : error);
            body = response == null ? new byte[0] : response;
            Fuzz.Outcome<NewLead> fetched = fuzz.attempt(body, () -> graph.fetch(LEADGEN_ID));
            fuzz.check(!fetched.rejected() || !fetched.rejection().getMessage().contains(TOKEN), body,
                    "the access token appears in " + fetched.rejection());
            if (fetched.accepted()) {
                FuzzWorld w = world;
                fuzz.attemptOnStore(w.watch, fetched.value(), () -> w.engine.leads().ingest(fetched.value()));
            }
        }
        fuzz.assertClean();
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = GraphLeadClientFuzzTest.class.getResourceAsStream("/fixtures/" + name)) {
            return in.readAllBytes();
        }
    }
}
