package io.retentioncenter.examples.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests per second a running reference host sustains for a plain {@code POST /api/leads} (a new
 * lead each time: dedupe, store, route), with a few concurrent clients, and the latency quantiles.
 * Talks to a loopback address only. Arguments: base URL (default {@code http://127.0.0.1:8080}),
 * API key (or env {@code RETENTION_API_KEY}), number of requests (default 5000), clients (default 4).
 * A warm-up of a tenth of the requests (at least 100) runs first and is not counted.
 */
public final class HostLoadBenchmark {
    private HostLoadBenchmark() {
    }

    /** Runs the load and prints the figures. */
    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080");
        String key = args.length > 1 ? args[1] : System.getenv("RETENTION_API_KEY");
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("only a host on a loopback address is loaded: " + base);
        }
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("give the API key as the second argument or RETENTION_API_KEY");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String run = UUID.randomUUID().toString().substring(0, 8);
        run(http, base, key, run + "w", Math.max(100, requests / 10), clients, new long[Math.max(100, requests / 10)]);
        long[] latencies = new long[requests];
        long start = System.nanoTime();
        Map<Integer, LongAdder> statuses = run(http, base, key, run, requests, clients, latencies);
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("POST /api/leads: %d requests, %d clients, %.2f s, %.0f requests/s%n", requests, clients,
                seconds, requests / seconds);
        System.out.printf("latency ms: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f%n", quantile(latencies, 0.50),
                quantile(latencies, 0.90), quantile(latencies, 0.99), latencies[latencies.length - 1] / 1e6);
        System.out.println("statuses: " + new TreeMap<>(statuses));
        System.out.printf("load average: %.2f%n", ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
    }

    private static Map<Integer, LongAdder> run(HttpClient http, URI base, String key, String run, int requests,
            int clients, long[] latencies) throws InterruptedException {
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    String body = "{\"email\":\"load-" + run + "-" + i + "@example.com\",\"firstName\":\"Load\"}";
                    HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/leads"))
                            .timeout(Duration.ofSeconds(60)).header("X-Api-Key", key)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (IOException e) {
                        status = -1;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    latencies[i] = System.nanoTime() - t0;
                    statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
            throw new IllegalStateException("the load did not finish within an hour");
        }
        return statuses;
    }

    private static double quantile(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
