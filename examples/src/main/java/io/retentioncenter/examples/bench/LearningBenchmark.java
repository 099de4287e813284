package io.retentioncenter.examples.bench;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.conversion.ConversionCommand;
import io.retentioncenter.core.conversion.ConversionStatus;
import io.retentioncenter.core.conversion.PostbackKind;
import io.retentioncenter.core.internal.Ids;
import io.retentioncenter.core.sequence.TickResult;
import io.retentioncenter.core.spi.RetentionStore;
import io.retentioncenter.core.testing.MutableClock;
import io.retentioncenter.learning.report.LearningReport;
import io.retentioncenter.learning.report.LearningReports;
import io.retentioncenter.learning.report.ReportQuery;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Time for a full Learning report over {@code leads × steps} attempts.
 *
 * <pre>
 * MAVEN_OPTS=-Xmx1g mvn -q -B -DskipTests -pl examples -am package exec:java \
 *     -Dexec.mainClass=io.retentioncenter.examples.bench.LearningBenchmark -Dexec.args="postgres 100000 10"
 * </pre>
 *
 * Arguments: store (see {@link BenchStores}), leads, steps per lead, and optionally a name under which
 * the H2 file or PostgreSQL schema is kept, so that a second run measures on the same data without
 * loading it again. In memory the attempts are produced by the engine itself (a sequence of
 * zero-delay steps ticked with no-op providers: the first tick runs every step); on H2 and PostgreSQL
 * the same rows are written set-based in SQL ({@link LearningSeed}), then the engine ticks on until
 * idle as it would. Then 5 % of the leads convert. The report is computed three times
 * reading the narrow fact projection, each followed by a run reading whole rows as before the
 * projection; each run's wall-clock time is printed with the CPU time the benchmark's JVM spent (the
 * database's own CPU not included) and the heap in use after it. Reports are taken 30 days after the start,
 * when every attribution window has closed.
 */
public final class LearningBenchmark {
    private static final Instant START = Instant.parse("2026-01-05T10:00:00Z");
    /** How far the clock moves before each tick. */
    private static final Duration TICK = Duration.ofSeconds(37);

    private LearningBenchmark() {
    }

    /** Runs the benchmark. */
    public static void main(String[] args) {
        String kind = args.length > 0 ? args[0] : "memory";
        int leads = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Optional<String> kept = args.length > 3 ? Optional.of(args[3]) : Optional.empty();
        System.out.printf("learning benchmark: store=%s leads=%d steps=%d heap=%d MiB%s%n", kind, leads, steps,
                Runtime.getRuntime().maxMemory() >> 20, kept.map(k -> " kept as rc_bench_" + k).orElse(""));
        try (BenchStores.Handle handle = BenchStores.open(kind, kept)) {
            RetentionStore store = handle.store();
            if (store.listCampaigns().isEmpty()) {
                load(handle, leads, steps);
            } else {
                System.out.println("  reusing the data already loaded");
            }
            MutableClock clock = MutableClock.at(START.plus(Duration.ofDays(30)));
            ReportQuery query = ReportQuery.between(START, clock.instant()).build();
            LearningReports facts = LearningReports.builder().store(store).clock(clock).build();
            LearningReports rows = LearningReports.builder().store(FullRowFacts.of(store)).clock(clock).build();
            for (int run = 1; run <= 3; run++) {
                time("narrow facts", run, facts, query);
                time("whole rows", run, rows, query);
            }
            scansAlone(store, query);
        }
    }

    private static void load(BenchStores.Handle handle, int leads, int steps) {
        RetentionStore store = handle.store();
        MutableClock clock = MutableClock.at(START);
        RetentionEngine engine = RetentionEngine.builder().store(store).clock(clock).instanceId("bench")
                .channel(BenchmarkWorld.noop(Channel.EMAIL)).channel(BenchmarkWorld.noop(Channel.SMS))
                .batchSize(1000).dispatchConcurrency(64).build();
        BenchmarkWorld world = BenchmarkWorld.create(engine, false, steps);
        long t0 = System.nanoTime();
        long cpu0 = processCpuMillis();
        long attempts = 0;
        if (handle.takesSql()) {
            clock.advance(TICK);
            handle.seed(sql -> LearningSeed.statements(sql, world, leads, steps, START, clock.instant()));
            attempts = (long) leads * steps;
            System.out.printf("  seeded set-based in SQL (the rows of the first tick) in %.1f s, this JVM's CPU %d ms%n",
                    (System.nanoTime() - t0) / 1e9, processCpuMillis() - cpu0);
        } else {
            world.enrollDue(IntStream.range(0, handle.loaders())
                    .mapToObj(i -> i == 0 ? store : handle.separateStore()).toList(), leads, clock);
            handle.analyze();
        }
        TickResult r;
        do {
            clock.advance(TICK);
            r = engine.tick();
            attempts += r.executed();
        } while (!r.idle());
        int converted = convert(store, clock);
        handle.analyze();
        System.out.printf("  setup: %d attempts, %d conversions in %.1f s, this JVM's CPU %d ms%n", attempts,
                converted, (System.nanoTime() - t0) / 1e9, processCpuMillis() - cpu0);
    }

    /** The CPU time this JVM has spent (an embedded H2 database's included, PostgreSQL's not). */
    private static long processCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
    }

    private static void time(String reading, int run, LearningReports reports, ReportQuery query) {
        System.gc();
        long cpu = processCpuMillis();
        long s = System.nanoTime();
        LearningReport report = reports.report(query);
        long millis = (System.nanoTime() - s) / 1_000_000;
        long cpuMillis = processCpuMillis() - cpu;
        Runtime rt = Runtime.getRuntime();
        System.out.printf("  report %d (%s): %d ms, this JVM's CPU %d ms (%d attempts, %d executions, %d leads read, "
                + "%d texts tokenized; heap used %d MiB of %d MiB)%n", run, reading, millis, cpuMillis,
                report.scan().attempts(), report.scan().executions(), report.scan().leads(),
                report.scan().textsTokenized(), (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    }

    /** The store's own share: each scan the report makes, into a sink that only counts. */
    private static void scansAlone(RetentionStore store, ReportQuery query) {
        Instant from = query.from();
        Instant to = query.to();
        long[] n = new long[1];
        Map<String, Runnable> scans = new java.util.LinkedHashMap<>();
        scans.put("conversions", () -> store.scanConversions(from, to, c -> n[0]++));
        scans.put("lead facts", () -> store.scanLeadFacts(Instant.EPOCH, to, l -> n[0]++));
        scans.put("enrollment facts", () -> store.scanEnrollmentFacts(from, to, e -> n[0]++));
        scans.put("execution facts", () -> store.scanExecutionFacts(from, to, e -> n[0]++));
        scans.put("attempt facts", () -> store.scanAttemptFacts(from, to, a -> n[0]++));
        scans.put("sequence stats", () -> store.listSequences().forEach(q -> n[0] += store.sequenceStats(q.id())
                .enrollments(io.retentioncenter.core.sequence.EnrollmentStatus.ACTIVE)));
        StringBuilder line = new StringBuilder("  the store's scans alone:");
        scans.forEach((name, scan) -> {
            n[0] = 0;
            long s = System.nanoTime();
            scan.run();
            line.append(String.format(" %s %d in %d ms;", name, n[0], (System.nanoTime() - s) / 1_000_000));
        });
        System.out.println(line);
    }

    /** Records a sale for every 20th lead, credited to one of its attempts. */
    private static int convert(RetentionStore store, MutableClock clock) {
        Random random = new Random(1);
        List<ContactAttempt> credited = new ArrayList<>();
        store.scanAttempts(Instant.EPOCH, clock.instant().plusSeconds(1), a -> {
            if (a.stepOrder().orElse(0) == 1 && random.nextInt(20) == 0) {
                credited.add(a);
            }
        });
        clock.advance(Duration.ofHours(1));
        for (ContactAttempt a : credited) {
            Conversion c = new Conversion(Ids.next("cnv"), a.leadId(), a.campaignId(), Optional.of(a.channel()),
                    Optional.of(a.id()), a.enrollmentId(), a.stepOrder(), a.abTestId(), a.variant(),
                    ConversionStatus.SALE, new BigDecimal("45.00"), Optional.of("EUR"), Optional.empty(),
                    clock.instant(), clock.instant(), Map.of("sub_id", a.id()));
            store.recordConversion(new ConversionCommand(a.id() + "|SALE", PostbackKind.SALE, c,
                    new BigDecimal("45.00"), clock.instant()));
        }
        return credited.size();
    }
}
