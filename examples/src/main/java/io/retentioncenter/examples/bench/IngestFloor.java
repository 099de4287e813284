package io.retentioncenter.examples.bench;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.examples.bench.BenchStores.Handle;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What PostgreSQL alone can store of a bulk intake on this machine, beside what {@code ingestAll}
 * stores: the ceiling no client of these tables can pass. The database writes exactly the rows a bulk
 * intake writes (the lead, its campaign membership, its enrollment and its status move), into the
 * store's migrated tables with all their indexes and triggers, from numbers it generates itself with
 * {@code generate_series}: no client work, no dedupe lookup, no round trip per row, and ids that grow
 * in order (cheaper for the primary keys than the engine's random ids). Chunks of 10,000 leads
 * commit one by one on as many connections as there are writers. Then {@code ingestAll} of the same
 * number of leads on a fresh schema ({@link IngestBenchmark#bulk}), and the ratio. Runs alternate.
 *
 * <pre>
 * mvn -q -B -DskipTests -pl examples -am package exec:java \
 *     -Dexec.mainClass=io.retentioncenter.examples.bench.IngestFloor -Dexec.args="1000000 2 2"
 * </pre>
 *
 * Arguments: leads per run (default 1,000,000), writers (default: one per core), rounds (default 1).
 */
public final class IngestFloor {
    private static final int CHUNK = 10_000;

    private IngestFloor() {
    }

    /** Runs the comparison. */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int writers = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        System.out.printf("ingest floor: leads=%d writers=%d rounds=%d chunk=%d cores=%d%n", n, writers, rounds,
                CHUNK, Runtime.getRuntime().availableProcessors());
        List<String> summary = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            double floor = 0;
            if (round % 2 == 1) {
                floor = floor(n, writers);
            }
            double ours;
            try (Handle handle = BenchStores.open("postgres")) {
                ours = IngestBenchmark.bulk(handle, n);
            }
            if (round % 2 == 0) {
                floor = floor(n, writers);
            }
            String line = String.format("round %d: ingestAll %.0f leads/s, the database alone %.0f leads/s, ingestAll"
                    + " reaches %.0f %% of it", round + 1, ours, floor, 100 * ours / floor);
            System.out.println("  " + line);
            summary.add(line);
        }
        System.out.println("summary:");
        summary.forEach(line -> System.out.println("  " + line));
    }

    /** Leads per second the database stores on its own, in a fresh schema of the store's tables. */
    private static double floor(int n, int writers) throws Exception {
        try (Handle handle = BenchStores.open("postgres")) {
            RetentionEngine engine = RetentionEngine.builder().store(handle.store()).build();
            BenchmarkWorld world = BenchmarkWorld.create(engine, true);
            String schema = handle.sql().schemaPrefix();
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            double secs;
            try {
                long start = System.nanoTime();
                List<Future<?>> running = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    running.add(pool.submit(() -> write(schema, world, next, n)));
                }
                for (Future<?> f : running) {
                    f.get();
                }
                secs = (System.nanoTime() - start) / 1e9;
            } finally {
                pool.shutdownNow(); // after a failure, the other writers stop at their next chunk
            }
            long stored = handle.count(sql -> "SELECT count(*) FROM " + sql.table("rc_enrollment"));
            System.out.printf("  the database alone: %d leads with membership, enrollment and status move in %.2f s"
                    + " -> %.0f leads/s (%d enrollments stored)%n", n, secs, n / secs, stored);
            if (stored != n) {
                throw new IllegalStateException("expected " + n + " enrollments, found " + stored);
            }
            return n / secs;
        }
    }

    /** Writes chunks on a connection of its own until every lead is taken or the thread is interrupted. */
    private static Void write(String schema, BenchmarkWorld world, AtomicInteger next, int n) throws SQLException {
        try (Connection c = DriverManager.getConnection(BenchStores.postgresUrl(), BenchStores.postgresUser(),
                BenchStores.postgresPassword()); Statement s = c.createStatement()) {
            for (int from = next.getAndAdd(CHUNK); from < n && !Thread.currentThread().isInterrupted();
                    from = next.getAndAdd(CHUNK)) {
                s.execute(chunk(schema, world, from, Math.min(n, from + CHUNK)));
            }
        }
        return null;
    }

    /**
     * One auto-committed statement storing leads {@code [from, to)}: each lead with its membership of
     * the world's campaign, its enrollment in the world's sequence and its move to IN_PROGRESS, as a
     * bulk intake stores them.
     */
    private static String chunk(String schema, BenchmarkWorld world, int from, int to) {
        String now = SeedSql.time(Instant.now());
        String campaign = SeedSql.text(world.campaign.id());
        return "WITH l AS (INSERT INTO " + schema + "rc_lead (id, email, phone, first_name, source, status, attributes,"
                + " contact_count, created_at, updated_at) SELECT " + SeedSql.id("lead", "g") + ", 'floor' || g"
                + " || '@example.com', '+1415' || LPAD(CAST(g AS VARCHAR), 7, '0'), 'F' || g, 'API', 'IN_PROGRESS',"
                + " '{}', 0, " + now + ", " + now + " FROM generate_series(" + from + ", " + (to - 1) + ") g"
                + " RETURNING id), m AS (INSERT INTO " + schema + "rc_campaign_lead (campaign_id, lead_id, assigned_at,"
                + " status) SELECT " + campaign + ", id, " + now + ", 'ACTIVE' FROM l), e AS (INSERT INTO " + schema
                + "rc_enrollment (id, sequence_id, lead_id, campaign_id, status, current_step, next_execute_at,"
                + " completed_steps, enrolled_at, updated_at) SELECT 'enr' || SUBSTR(id, 5), "
                + SeedSql.text(world.sequence.id()) + ", id, " + campaign + ", 'ACTIVE', 0, " + now + ", 0, " + now
                + ", " + now + " FROM l), s AS (INSERT INTO " + schema + "rc_lead_status_change (id, lead_id,"
                + " from_status, to_status, changed_at) SELECT 'lsc' || SUBSTR(id, 5), id, 'NEW', 'IN_PROGRESS', "
                + now + " FROM l) SELECT COUNT(*) FROM l";
    }
}
