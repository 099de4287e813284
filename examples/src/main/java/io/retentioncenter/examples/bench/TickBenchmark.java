package io.retentioncenter.examples.bench;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.RetentionEngineBuilder;
import io.retentioncenter.core.contact.LeadPacing;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import io.retentioncenter.core.sequence.TickResult;
import io.retentioncenter.core.spi.RetentionStore;
import io.retentioncenter.core.testing.RecordingChannelProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Throughput of {@code engine.tick()} and of lead ingest with a no-op provider.
 *
 * <pre>
 * mvn -q -B -DskipTests -pl examples -am package exec:java \
 *     -Dexec.mainClass=io.retentioncenter.examples.bench.TickBenchmark -Dexec.args="memory 100000 1"
 * </pre>
 *
 * Arguments: store ({@code memory}, or a JDBC store, see {@link BenchStores}), number of due
 * enrollments, number of concurrent engines (each with its own store object, so its own connection
 * pool), and optionally {@code paced} to tick with per-lead pacing (every step then takes its lead's
 * pace in the store). Prints steps/second through tick() and single-lead ingests/second (dedupe + route + enroll)
 * with as many ingesting threads as engines.
 */
public final class TickBenchmark {
    private TickBenchmark() {
    }

    /** Runs the benchmark. */
    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "memory";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int engines = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Optional<LeadPacing> pacing = args.length > 3 && "paced".equals(args[3])
                ? Optional.of(LeadPacing.of(10, Duration.ofMinutes(1))) : Optional.empty();
        System.out.printf("tick benchmark: store=%s due=%d engines=%d paced=%s cores=%d%n", kind, n, engines,
                pacing.isPresent(), Runtime.getRuntime().availableProcessors());
        try (BenchStores.Handle store = BenchStores.open(kind)) {
            tick(store, n, engines, pacing);
        }
        try (BenchStores.Handle store = BenchStores.open(kind)) {
            ingest(store, Math.min(n, 20_000), engines);
        }
    }

    private static void tick(BenchStores.Handle handle, int n, int engines, Optional<LeadPacing> pacing)
            throws Exception {
        Clock clock = Clock.systemUTC();
        RetentionEngine setup = engine(handle.store(), clock, BenchmarkWorld.noop(), "setup", Optional.empty());
        BenchmarkWorld world = BenchmarkWorld.create(setup, false);
        List<RetentionStore> stores = new ArrayList<>();
        for (int i = 0; i < Math.max(engines, handle.loaders()); i++) {
            stores.add(i == 0 ? handle.store() : handle.separateStore());
        }
        long t0 = System.nanoTime();
        world.enrollDue(stores.subList(0, handle.loaders()), n, clock);
        handle.analyze();
        System.out.printf("  setup: %d leads enrolled in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);

        List<RecordingChannelProvider> providers = new ArrayList<>();
        List<RetentionEngine> workers = new ArrayList<>();
        for (int i = 0; i < engines; i++) {
            RecordingChannelProvider p = BenchmarkWorld.noop();
            providers.add(p);
            workers.add(engine(stores.get(i), clock, p, "engine-" + i, pacing));
        }
        ExecutorService pool = Executors.newFixedThreadPool(engines);
        long start = System.nanoTime();
        List<Future<Integer>> runs = new ArrayList<>();
        for (RetentionEngine e : workers) {
            runs.add(pool.submit(() -> {
                int executed = 0;
                TickResult r;
                do {
                    r = e.tick();
                    executed += r.executed();
                } while (!r.idle());
                return executed;
            }));
        }
        int executed = 0;
        for (Future<Integer> f : runs) {
            executed += f.get();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        int sent = providers.stream().mapToInt(RecordingChannelProvider::count).sum();
        System.out.printf("  tick: %d steps executed, %d sends, %.2f s -> %.0f steps/s%n", executed, sent, secs,
                executed / secs);
        if (sent != n || executed != n) {
            throw new IllegalStateException("expected " + n + " steps and sends, got " + executed + "/" + sent);
        }
    }

    private static void ingest(BenchStores.Handle handle, int n, int threads) throws Exception {
        Clock clock = Clock.systemUTC();
        List<RetentionEngine> hosts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            hosts.add(engine(i == 0 ? handle.store() : handle.separateStore(), clock, BenchmarkWorld.noop(),
                    "ingest-" + i, Optional.empty()));
        }
        BenchmarkWorld.create(hosts.get(0), true);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            RetentionEngine host = hosts.get(t);
            int first = t;
            parts.add(pool.submit(() -> {
                for (int i = first; i < n; i += threads) {
                    host.leads().ingest(NewLead.builder(LeadSource.API).email("ingest" + i + "@example.com")
                            .phone(BenchmarkWorld.phone(i)).firstName("I" + i).build());
                }
                return null;
            }));
        }
        for (Future<?> part : parts) {
            part.get();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf("  ingest: %d leads (dedupe + route + enroll) on %d threads in %.2f s -> %.0f leads/s%n",
                n, threads, secs, n / secs);
    }

    private static RetentionEngine engine(RetentionStore store, Clock clock, RecordingChannelProvider provider,
            String id, Optional<LeadPacing> pacing) {
        RetentionEngineBuilder builder = RetentionEngine.builder().store(store).clock(clock).instanceId(id)
                .channel(provider).batchSize(1000).dispatchConcurrency(64);
        pacing.ifPresent(builder::leadPacing);
        return builder.build();
    }
}
