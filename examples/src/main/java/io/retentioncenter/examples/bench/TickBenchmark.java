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
 * Throughput of {@code engine.tick()} and of lead ingest with a no-op provider, optionally on top of
 * a large finished history.
 *
 * <pre>
 * mvn -q -B -DskipTests -pl examples -am package exec:java \
 *     -Dexec.mainClass=io.retentioncenter.examples.bench.TickBenchmark -Dexec.args="postgres 100000 4"
 * </pre>
 *
 * Arguments: store ({@code memory}, or a JDBC store, see {@link BenchStores}), number of due
 * enrollments, number of concurrent engines (each with its own store object, so its own connection
 * pool), then optionally {@code history=E,A}: before anything else, load E completed enrollments and A
 * sent attempts set-based in SQL (PostgreSQL), to compare with a run on empty tables; and
 * {@code paced} to tick with per-lead pacing (every step then takes its lead's pace in the store), and
 * {@code workers=K} for K batches processed at once per tick ({@code tickConcurrency}, default 1), and
 * {@code pgcost} (PostgreSQL) for the server's WAL, row versions and backend CPU per step
 * ({@link PgWriteCost}), and {@code tickonly} to skip the ingest part. The due leads are loaded
 * with set-based {@code ingestAll}, then the tables are ANALYZEd. Prints steps/second through tick()
 * until nothing is due, then single-lead ingests/second (dedupe + route + enroll) on as many threads
 * as engines into the same tables.
 */
public final class TickBenchmark {
    private TickBenchmark() {
    }

    /** Runs the benchmark. */
    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "memory";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int engines = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        List<String> options = args.length > 3 ? List.of(args).subList(3, args.length) : List.of();
        String history = options.stream().filter(o -> o.startsWith("history=")).map(o -> o.substring(8))
                .findFirst().orElse("");
        int workers = options.stream().filter(o -> o.startsWith("workers=")).map(o -> Integer.parseInt(o.substring(8)))
                .findFirst().orElse(1);
        Optional<LeadPacing> pacing = options.contains("paced")
                ? Optional.of(LeadPacing.of(10, Duration.ofMinutes(1))) : Optional.empty();
        System.out.printf("tick benchmark: store=%s due=%d engines=%d workers=%d history=%s paced=%s cores=%d%n",
                kind, n, engines, workers, history.isEmpty() ? "none" : history, pacing.isPresent(),
                Runtime.getRuntime().availableProcessors());
        try (BenchStores.Handle store = BenchStores.open(kind)) {
            if (!history.isEmpty()) {
                String[] sizes = history.split(",");
                long t0 = System.nanoTime();
                store.loadHistory(Integer.parseInt(sizes[0]), Integer.parseInt(sizes[1]));
                System.out.printf("  history: %s completed enrollments and %s attempts loaded in %.1f s%n", sizes[0],
                        sizes[1], (System.nanoTime() - t0) / 1e9);
            }
            tick(store, n, engines, workers, pacing, options.contains("pgcost") && kind.equals("postgres"));
            if (!options.contains("tickonly")) {
                IngestBenchmark.single(store, Math.min(n, 20_000), engines, false);
            }
        }
    }

    /**
     * Loads {@code n} due enrollments, drains them with {@code engines} engines of {@code workers}
     * tick workers each (paced when {@code pacing} is given); returns steps per second.
     */
    static double tick(BenchStores.Handle handle, int n, int engines, int workers, Optional<LeadPacing> pacing,
            boolean pgCost) throws Exception {
        Clock clock = Clock.systemUTC();
        RetentionEngine setup = engine(handle.store(), clock, BenchmarkWorld.noop(), "setup", 1, Optional.empty());
        BenchmarkWorld.create(setup, true);
        long t0 = System.nanoTime();
        for (int from = 0; from < n; from += 100_000) {
            List<NewLead> rows = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + 100_000); i++) {
                rows.add(NewLead.builder(LeadSource.API).email("bench" + i + "@example.com")
                        .phone(BenchmarkWorld.phone(i)).firstName("B" + i).build());
            }
            setup.leads().ingestAll(rows);
        }
        handle.analyze();
        System.out.printf("  setup: %d leads ingested and enrolled (ingestAll) in %.1f s%n", n,
                (System.nanoTime() - t0) / 1e9);
        List<RetentionStore> stores = new ArrayList<>();
        for (int i = 0; i < engines; i++) {
            stores.add(i == 0 ? handle.store() : handle.separateStore());
        }
        List<RecordingChannelProvider> providers = new ArrayList<>();
        List<RetentionEngine> running = new ArrayList<>();
        for (int i = 0; i < engines; i++) {
            RecordingChannelProvider p = BenchmarkWorld.noop();
            providers.add(p);
            running.add(engine(stores.get(i), clock, p, "engine-" + i, workers, pacing));
        }
        ExecutorService pool = Executors.newFixedThreadPool(engines);
        System.gc(); // the setup's garbage is collected before the clock starts, not during the tick
        Optional<PgWriteCost> pg = pgCost ? Optional.of(PgWriteCost.start()) : Optional.empty();
        TickCost cost = TickCost.start();
        long start = System.nanoTime();
        List<Future<Integer>> runs = new ArrayList<>();
        for (RetentionEngine e : running) {
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
        String spent = cost.stop(executed);
        pool.shutdown();
        int sent = providers.stream().mapToInt(RecordingChannelProvider::count).sum();
        System.out.printf("  tick: %d steps executed, %d sends, %.2f s -> %.0f steps/s%n", executed, sent, secs,
                executed / secs);
        System.out.println("  tick cost: " + spent);
        if (pg.isPresent()) {
            System.out.print(pg.get().stop(executed));
        }
        if (sent != n || executed != n) {
            throw new IllegalStateException("expected " + n + " steps and sends, got " + executed + "/" + sent);
        }
        return executed / secs;
    }

    private static RetentionEngine engine(RetentionStore store, Clock clock, RecordingChannelProvider provider,
            String id, int workers, Optional<LeadPacing> pacing) {
        RetentionEngineBuilder builder = RetentionEngine.builder().store(store).clock(clock).instanceId(id)
                .channel(provider).batchSize(1000).dispatchConcurrency(64).tickConcurrency(workers);
        pacing.ifPresent(builder::leadPacing);
        return builder.build();
    }
}
