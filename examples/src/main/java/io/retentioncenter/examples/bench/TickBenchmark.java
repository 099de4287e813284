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
 * # on a large history: load it once (minutes), then measure against a fresh run, as often as needed
 * ... -Dexec.args="postgres 1000 1 history=5000000,10000000 kept=hist"
 * ... -Dexec.args="postgres 100000 4 history=5000000,10000000 kept=hist"
 * ... -Dexec.args="postgres 100000 4"
 * </pre>
 *
 * Arguments: store ({@code memory}, or a JDBC store, see {@link BenchStores}), number of due
 * enrollments, number of concurrent engines (each with its own store object, so its own connection
 * pool), then optionally {@code history=E,A}: before anything else, load E completed enrollments and A
 * sent attempts set-based in SQL (PostgreSQL), to compare with a run on empty tables; and
 * {@code kept=NAME} to run on the schema {@code rc_bench_NAME}, kept after the run, so a long history
 * load is done once and measured many times: with {@code history=E,A} it is loaded only when the
 * schema does not hold it yet ({@link FinishedHistory#present}); each run on the schema ends the
 * earlier runs' campaigns and ingests people of its own ({@link BenchRun}), so that it does the same
 * work as a run on a fresh schema (compare with {@code kept=} of an empty schema too, so both sides
 * carry earlier runs' rows alike); and
 * {@code paced} to tick with per-lead pacing (every step then takes its lead's pace in the store), and
 * {@code workers=K} for K batches processed at once per tick ({@code tickConcurrency}, default 1), and
 * {@code pgcost} (PostgreSQL) for the server's WAL, row versions and backend CPU per step
 * ({@link PgWriteCost}), and {@code tickonly} to skip the ingest part. The due leads are loaded
 * with set-based {@code ingestAll}, then the tables are ANALYZEd. Prints the rows of
 * {@code rc_enrollment} and {@code rc_attempt} at the start, steps/second through tick()
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
        Optional<String> kept = options.stream().filter(o -> o.startsWith("kept=")).map(o -> o.substring(5))
                .findFirst();
        Optional<LeadPacing> pacing = options.contains("paced")
                ? Optional.of(LeadPacing.of(10, Duration.ofMinutes(1))) : Optional.empty();
        System.out.printf("tick benchmark: store=%s due=%d engines=%d workers=%d history=%s kept=%s paced=%s"
                + " cores=%d%n", kind, n, engines, workers, history.isEmpty() ? "none" : history,
                kept.orElse("no"), pacing.isPresent(), Runtime.getRuntime().availableProcessors());
        try (BenchStores.Handle store = BenchStores.open(kind, kept)) {
            if (store.takesSql()) {
                System.out.printf("  tables at start: %d rows in rc_enrollment, %d in rc_attempt (count(*))%n",
                        rows(store, "rc_enrollment"), rows(store, "rc_attempt"));
            }
            if (!history.isEmpty()) {
                history(store, history);
            }
            BenchRun run = BenchRun.start(engine(store.store(), Clock.systemUTC(), BenchmarkWorld.noop(), "setup", 1,
                    Optional.empty()));
            System.out.printf("  run %d on this store: people of its own; campaigns of earlier runs ended%n",
                    run.number());
            tick(store, run, n, engines, workers, pacing, options.contains("pgcost") && kind.equals("postgres"));
            if (!options.contains("tickonly")) {
                IngestBenchmark.single(store, run, Math.min(n, 20_000), engines);
            }
        }
    }

    /**
     * Loads the history {@code spec} ({@code E,A}) unless the store, kept from an earlier run, holds it
     * already (see {@link FinishedHistory#present}).
     */
    private static void history(BenchStores.Handle store, String spec) {
        String[] sizes = spec.split(",");
        int enrollments = Integer.parseInt(sizes[0]);
        int attempts = Integer.parseInt(sizes[1]);
        if (FinishedHistory.present(store, enrollments, attempts)) {
            System.out.printf("  history: %d completed enrollments and %d attempts found in the kept store (their"
                    + " last rows present, none beyond; row counts above); load skipped%n", enrollments, attempts);
            return;
        }
        long t0 = System.nanoTime();
        store.loadHistory(enrollments, attempts);
        System.out.printf("  history: %d completed enrollments and %d attempts loaded in %.1f s%n", enrollments,
                attempts, (System.nanoTime() - t0) / 1e9);
    }

    private static long rows(BenchStores.Handle store, String table) {
        return store.count(sql -> "SELECT count(*) FROM " + sql.table(table));
    }

    /**
     * Loads {@code n} due enrollments of {@code run}'s people, drains them with {@code engines} engines of {@code workers}
     * tick workers each (paced when {@code pacing} is given); returns steps per second.
     */
    static double tick(BenchStores.Handle handle, BenchRun run, int n, int engines, int workers,
            Optional<LeadPacing> pacing, boolean pgCost) throws Exception {
        Clock clock = Clock.systemUTC();
        RetentionEngine setup = engine(handle.store(), clock, BenchmarkWorld.noop(), "setup", 1, Optional.empty());
        BenchmarkWorld.create(setup, true);
        long t0 = System.nanoTime();
        for (int from = 0; from < n; from += 100_000) {
            List<NewLead> rows = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + 100_000); i++) {
                rows.add(NewLead.builder(LeadSource.API).email(run.email("bench", i))
                        .phone(run.phone(i)).firstName("B" + i).build());
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
        int executed = 0;
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (RetentionEngine e : running) {
                runs.add(pool.submit(() -> {
                    int steps = 0;
                    TickResult r;
                    do {
                        r = e.tick();
                        steps += r.executed();
                    } while (!r.idle() && !Thread.currentThread().isInterrupted());
                    return steps;
                }));
            }
            for (Future<Integer> f : runs) {
                executed += f.get();
            }
        } finally {
            pool.shutdownNow(); // after a failure, the other engines stop at their next tick
        }
        double secs = (System.nanoTime() - start) / 1e9;
        String spent = cost.stop(executed);
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
