package io.retentioncenter.examples.bench;

import com.sun.net.httpserver.HttpServer;
import io.retentioncenter.channels.instantly.InstantlyWebhooks;
import io.retentioncenter.channels.sms.delivery.SmppReceipt;
import io.retentioncenter.channels.sms.inbound.InboundSmsParser;
import io.retentioncenter.channels.sms.retail.SmsRetailDeliveryWebhook;
import io.retentioncenter.channels.sms.twentythree.TwentyThreeTelecomDeliveryWebhook;
import io.retentioncenter.channels.vapi.HmacVerification;
import io.retentioncenter.channels.vapi.VapiServerMessages;
import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.RetentionException;
import io.retentioncenter.core.http.ProviderHttp;
import io.retentioncenter.core.inbound.keitaro.KeitaroPostbackParser;
import io.retentioncenter.core.inbound.meta.GraphLeadClient;
import io.retentioncenter.core.inbound.meta.MetaWebhooks;
import io.retentioncenter.core.internal.Signatures;
import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.testing.MutableClock;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * CPU time of one request for the largest or costliest body each inbound parser accepts (and a few it
 * rejects at its limits), authentication included: the figure that bounds what one hostile request can
 * cost. Not a unit test; prints one line per case.
 *
 * <pre>
 * mvn -q -B -DskipTests -pl examples -am package exec:java \
 *     -Dexec.mainClass=io.retentioncenter.examples.bench.InboundParserBenchmark -Dexec.args="5"
 * </pre>
 *
 * Argument: measured runs per case (default 5), after two warm-up calls. A run makes as many calls as
 * take 200 ms of CPU; the figure is the process CPU time per call (every thread, the garbage collector
 * and, for Graph, the loopback HTTP server included), median and maximum over the runs.
 */
public final class InboundParserBenchmark {
    private static final String SECRET = "bench-webhook-secret-0123456789";
    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    private static final int MIB = 1 << 20;
    private static final long MIN_RUN_NANOS = 200_000_000L;

    private final int runs;

    private InboundParserBenchmark(int runs) {
        this.runs = runs;
    }

    /** Runs the benchmark. */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.out.printf("inbound parser benchmark: %d runs per case, %d cores, heap %d MiB%n", runs,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("%-16s %-58s %9s %-8s %9s %9s%n", "parser", "body", "bytes", "outcome", "ms median", "ms max");
        new InboundParserBenchmark(runs).all();
    }

    private void all() throws Exception {
        meta();
        graph();
        keitaro();
        instantly();
        sms();
        vapi();
    }

    // ---- Meta ---------------------------------------------------------------------------------

    private void meta() {
        MetaWebhooks meta = MetaWebhooks.builder().appSecret(SECRET).build();
        byte[] manyLeads = metaBody(MetaWebhooks.MAX_CHANGES - 1, 12, 40);
        byte[] oneHugeForm = metaBody(1, 20_000, 20);
        byte[] tooMany = metaBody(MetaWebhooks.MAX_CHANGES + 1, 1, 8);
        byte[] garbage = padTo("{\"object\":\"page\",\"entry\":[", "0,", "0]}", MIB - 1);
        measure("Meta webhook", "999 leads x 12 answers, signed", manyLeads, () -> meta.parse(manyLeads, sign(manyLeads)));
        measure("Meta webhook", "1 lead x 20,000 answers, signed", oneHugeForm,
                () -> meta.parse(oneHugeForm, sign(oneHugeForm)));
        measure("Meta webhook", "1,001 changes (refused)", tooMany, () -> meta.parse(tooMany, sign(tooMany)));
        measure("Meta webhook", "500,000 non-object entries (refused)", garbage, () -> meta.parse(garbage, sign(garbage)));
        measureFresh("Meta -> engine", "999 leads x 12 answers into a fresh engine", manyLeads, () -> {
            RetentionEngine engine = RetentionEngine.builder().store(new InMemoryRetentionStore())
                    .clock(MutableClock.at(NOW)).metaWebhooks(meta).metaPayloadsCarryLeadFields().build();
            return () -> engine.inbound().meta(manyLeads, sign(manyLeads));
        });
    }

    /** {@code leads} changes of {@code answers} answers of about {@code width} characters each. */
    private static byte[] metaBody(int leads, int answers, int width) {
        StringBuilder body = new StringBuilder("{\"object\":\"page\",\"entry\":[{\"id\":\"104857600123456\",\"changes\":[");
        for (int i = 0; i < leads; i++) {
            body.append(i == 0 ? "" : ",").append("{\"field\":\"leadgen\",\"value\":{\"leadgen_id\":\"").append(9_000_000 + i)
                    .append("\",\"created_time\":1763993395,\"field_data\":[{\"name\":\"email\",\"values\":[\"lead")
                    .append(i).append("@example.com\"]}");
            for (int a = 0; a < answers; a++) {
                body.append(",{\"name\":\"q").append(a).append("\",\"values\":[\"").append("a".repeat(width)).append("\"]}");
            }
            body.append("]}}");
        }
        return bytes(body.append("]}]}").toString());
    }

    private static Optional<String> sign(byte[] body) {
        return Optional.of("sha256=" + Signatures.hmacSha256Hex(SECRET, body));
    }

    // ---- Graph --------------------------------------------------------------------------------

    private void graph() throws IOException {
        StringBuilder lead = new StringBuilder("{\"id\":\"1234567890123456\",\"created_time\":\"2026-11-24T14:09:55+0000\","
                + "\"field_data\":[{\"name\":\"email\",\"values\":[\"maria@example.com\"]}");
        while (lead.length() < MIB - 100) {
            lead.append(",{\"name\":\"q").append(lead.length()).append("\",\"values\":[\"").append("a".repeat(20)).append("\"]}");
        }
        byte[] response = bytes(lead.append("]}").toString());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, response.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response);
            }
        });
        server.start();
        try {
            GraphLeadClient graph = GraphLeadClient.builder().pageAccessToken("bench-token")
                    .baseUri(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                    .http(ProviderHttp.builder("meta-graph").maxRetries(0).build()).build();
            measure("Graph lead", "1 MiB lead, ~30,000 answers, over loopback HTTP", response,
                    () -> graph.fetch("1234567890123456"));
        } finally {
            server.stop(0);
        }
    }

    // ---- Keitaro ------------------------------------------------------------------------------

    private void keitaro() {
        KeitaroPostbackParser keitaro = KeitaroPostbackParser.builder().sharedSecret(SECRET).build();
        String euros = "%E2%82%AC".repeat(KeitaroPostbackParser.DEFAULT_MAX_PARAM_LENGTH);
        StringBuilder query = new StringBuilder("secret=" + SECRET + "&sub_id=att_1&status=sale&payout=45.00");
        int queryParams = 0;
        while (query.length() + euros.length() + 8 < MIB && queryParams < KeitaroPostbackParser.MAX_PARAMS - 4) {
            query.append("&p").append(queryParams++).append('=').append(euros);
        }
        String largestQuery = query.toString();
        String manyPairs = new String(padTo("sub_id=att_1", i -> "&a" + i, "", MIB - 1), StandardCharsets.UTF_8);
        measure("Keitaro query", queryParams + " params of 2,048 %-escaped euro signs", bytes(largestQuery),
                () -> keitaro.parseQuery(largestQuery, Optional.empty(), NOW));
        measure("Keitaro query", "1 MiB of ~150,000 params (refused)", bytes(manyPairs),
                () -> keitaro.parseQuery(manyPairs, Optional.empty(), NOW));
        String escaped = "\\u20ac".repeat(KeitaroPostbackParser.DEFAULT_MAX_PARAM_LENGTH);
        StringBuilder json = new StringBuilder("{\"secret\":\"" + SECRET + "\",\"sub_id\":\"att_1\",\"status\":\"sale\"");
        int members = 0;
        while (json.length() + escaped.length() + 12 < MIB && members < KeitaroPostbackParser.MAX_PARAMS - 3) {
            json.append(",\"p").append(members++).append("\":\"").append(escaped).append('"');
        }
        byte[] largestJson = bytes(json.append('}').toString());
        byte[] manyMembers = padTo("{\"sub_id\":\"att_1\"", i -> ",\"a" + i + "\":1", "}", MIB - 1);
        measure("Keitaro JSON", members + " members of 2,048 \\u-escaped euro signs", largestJson,
                () -> keitaro.parseJson(largestJson, Optional.empty(), NOW));
        measure("Keitaro JSON", "1 MiB of ~100,000 members (refused)", manyMembers,
                () -> keitaro.parseJson(manyMembers, Optional.empty(), NOW));
    }

    // ---- Instantly ----------------------------------------------------------------------------

    private void instantly() {
        InstantlyWebhooks instantly = InstantlyWebhooks.builder().authHeader("X-RC-Secret", SECRET).build();
        byte[] reply = padTo("{\"timestamp\":\"2026-11-24T14:31:07.512Z\",\"event_type\":\"reply_received\","
                + "\"lead_email\":\"maria@example.com\",\"email_id\":\"e1\",\"step\":1,\"reply_text_snippet\":\"",
                "Please call me back tomorrow at 6 pm. ", "\"}", MIB - 1);
        Map<String, List<String>> headers = Map.of("X-RC-Secret", List.of(SECRET));
        measure("Instantly", "reply with a 1 MiB snippet", reply, () -> instantly.parse(headers, reply));
    }

    // ---- SMS ----------------------------------------------------------------------------------

    private void sms() {
        TwentyThreeTelecomDeliveryWebhook telecom = TwentyThreeTelecomDeliveryWebhook.builder().secret(SECRET)
                .clock(java.time.Clock.fixed(NOW, ZoneOffset.UTC)).build();
        byte[] dlr = padTo("{\"message_id\":\"api_42_1763996000123456789_a3f8b2c1d9e45f67\",\"recipient\":\"+14155550123\","
                + "\"status\":\"DELIVRD\",\"timestamp\":\"2026-01-05T09:59:00Z\",\"status_code\":\"", "0\\u0001", "\"}", MIB - 1);
        String timestamp = String.valueOf(NOW.getEpochSecond());
        String signature = "sha256=" + Signatures.hmacSha256Hex(SECRET, bytes(timestamp + "." + new String(dlr,
                StandardCharsets.UTF_8)));
        measure("23Telecom DLR", "1 MiB status_code full of control characters", dlr,
                () -> telecom.parse(dlr, timestamp, signature));

        SmsRetailDeliveryWebhook retail = SmsRetailDeliveryWebhook.builder().secret(SECRET).build();
        byte[] retailDlr = padTo("{\"id\":12345,\"status\":\"delivered\",\"phone\":\"14155550123\",\"extra\":[", "[1,2],",
                "[]]}", MIB - 1);
        measure("SMS-Retail DLR", "1 MiB with 175,000 ignored nested arrays", retailDlr,
                () -> retail.parse(retailDlr, Signatures.hmacSha256Hex(SECRET, retailDlr)));

        InboundSmsParser inbound = InboundSmsParser.builder("sms-retail").signature("X-Signature", SECRET).build();
        byte[] mo = padTo("{\"from\":\"+14155550123\",\"text\":\"", "stop \\t ", "\"}", MIB - 1);
        measure("inbound SMS", "1 MiB text of whitespace runs", mo,
                () -> inbound.parse(mo, Signatures.hmacSha256Hex(SECRET, mo)));

        String receipt = ("id:0a1b2c3d4e sub:001 dlvrd:001 submit date:2611241510 done date:2611241510 stat:DELIVRD "
                + "err:000 text:" + "x".repeat(SmppReceipt.MAX_LENGTH)).substring(0, SmppReceipt.MAX_LENGTH);
        measure("SMPP receipt", "1,024 characters", bytes(receipt), () -> SmppReceipt.parse(receipt)
                .toReport("23telecom", Optional.of("+14155550123"), ZoneOffset.UTC, NOW).toEvents());
    }

    // ---- VAPI ---------------------------------------------------------------------------------

    private void vapi() {
        VapiServerMessages vapi = VapiServerMessages.builder().hmac(HmacVerification.builder(SECRET).build())
                .clock(java.time.Clock.fixed(NOW, ZoneOffset.UTC)).build();
        int limit = VapiServerMessages.DEFAULT_MAX_BODY_BYTES - 1;
        String head = "{\"message\":{\"type\":\"end-of-call-report\",\"timestamp\":" + NOW.toEpochMilli()
                + ",\"endedReason\":\"customer-ended-call\",\"call\":{\"id\":\"3f9c2e71-0b6a-4c1e-9d5f-2a8b7c6d5e4f\","
                + "\"customer\":{\"number\":\"+14155550123\"}},";
        byte[] lines = padTo(head + "\"artifact\":{\"transcript\":\"",
                "User: not interested in the price, call me back tomorrow at 6 pm in 2 hours\\n", "\"}}}", limit);
        byte[] oneLine = padTo(head + "\"artifact\":{\"transcript\":\"User: ", "don't call me back at 6 ", "\"}}}", limit);
        byte[] messages = padTo(head + "\"artifact\":{\"messages\":[",
                "{\"role\":\"user\",\"message\":\"call me back on monday at 6 pm, not interested\"},", "{}]}}}", limit);
        byte[] structured = padTo(head + "\"analysis\":{\"structuredData\":{\"a\":true",
                i -> ",\"k" + i + "\":" + (i % 2 == 0 ? "true" : "\"interested\""), "}}}}", limit);
        for (byte[] body : List.of(lines, oneLine, messages, structured)) {
            String ts = String.valueOf(NOW.toEpochMilli());
            Map<String, String> headers = Map.of("x-timestamp", ts,
                    "x-signature", Signatures.hmacSha256Hex(SECRET, bytes(ts + "." + new String(body, StandardCharsets.UTF_8))));
            String shape = body == lines ? "4 MiB transcript of 52,000 user lines"
                    : body == oneLine ? "4 MiB transcript of one user line"
                    : body == messages ? "4 MiB of 55,000 user messages"
                    : "4 MiB of structuredData keys";
            measure("VAPI message", shape, body, () -> vapi.parse(body, headers));
        }
    }

    // ---- measuring ----------------------------------------------------------------------------

    private void measure(String parser, String shape, byte[] body, Callable<?> request) {
        measureFresh(parser, shape, body, () -> request);
    }

    /**
     * Runs {@code fresh.get()} (set-up, not timed) then the returned call (timed): two warm-up runs, then
     * {@link #runs} runs of as many calls as take at least {@value #MIN_RUN_NANOS} ns of CPU (the process
     * CPU clock ticks in milliseconds), each run giving the CPU time per call.
     */
    private void measureFresh(String parser, String shape, byte[] body, Supplier<Callable<?>> fresh) {
        String[] outcome = {"accepted"};
        long warm = 0;
        for (int i = 0; i < 2; i++) {
            warm = Math.max(1, timed(parser, shape, fresh, 1, outcome));
        }
        int calls = (int) Math.min(1_000, Math.max(1, MIN_RUN_NANOS / warm));
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            nanos[i] = timed(parser, shape, fresh, calls, outcome) / calls;
        }
        Arrays.sort(nanos);
        String line = String.format("%-16s %-58s %9d %-8s %9.1f %9.1f", parser, shape, body.length,
                outcome[0].length() > 8 ? outcome[0].substring(0, 8) : outcome[0], nanos[runs / 2] / 1e6,
                nanos[runs - 1] / 1e6);
        System.out.println(line);
    }

    /** Process CPU nanoseconds of {@code calls} calls, each on a fresh set-up made before the clock starts. */
    private static long timed(String parser, String shape, Supplier<Callable<?>> fresh, int calls, String[] outcome) {
        List<Callable<?>> requests = new ArrayList<>(calls);
        for (int i = 0; i < calls; i++) {
            requests.add(fresh.get());
        }
        long start = cpuNanos();
        for (Callable<?> request : requests) {
            try {
                request.call();
            } catch (RetentionException e) {
                outcome[0] = e.getClass().getSimpleName().replace("Exception", "");
            } catch (Exception e) {
                throw new IllegalStateException(parser + " " + shape + ": " + e, e);
            }
        }
        return cpuNanos() - start;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** {@code head}, then {@code unit} repeated, then {@code tail}: at most {@code size} bytes of ASCII. */
    private static byte[] padTo(String head, String unit, String tail, int size) {
        return padTo(head, i -> unit, tail, size);
    }

    /** {@code head}, then {@code unit(0)}, {@code unit(1)}, ..., then {@code tail}: at most {@code size} bytes of ASCII. */
    private static byte[] padTo(String head, IntFunction<String> unit, String tail, int size) {
        StringBuilder out = new StringBuilder(size).append(head);
        for (int i = 0; ; i++) {
            String next = unit.apply(i);
            if (out.length() + next.length() + tail.length() > size) {
                return bytes(out.append(tail).toString());
            }
            out.append(next);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
