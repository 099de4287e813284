package io.retentioncenter.examples.bench;

import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.RetentionEngineBuilder;
import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.NewCampaign;
import io.retentioncenter.core.lead.BulkIngestReport;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.NewLead;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Lead intake throughput: single-lead {@code ingest} on several threads and set-based
 * {@code ingestAll}, each checked afterwards: exactly one lead per person, one enrollment per lead,
 * and a capped campaign filled to its cap exactly (for {@code ingestAll}: a second, smaller load into
 * a capped campaign, timed apart). The threads share one engine (a host's request threads, whose
 * concurrent ingests the engine groups into shared commits) unless spread over several hosts, each
 * its own engine and connection pool; the run prints how many leads each store call carried.
 *
 * <pre>
 * mvn -q -B -DskipTests -pl examples -am package exec:java \
 *     -Dexec.mainClass=io.retentioncenter.examples.bench.IngestBenchmark -Dexec.args="postgres 20000 4 1000000"
 * </pre>
 *
 * Arguments: store ({@code memory}, {@code h2} or {@code postgres}, see {@link BenchStores}), leads
 * for the single-lead run, threads, leads for the bulk run (0 to skip), hosts the threads are spread
 * over (default 1), and the group commit: {@code on} (default), {@code off}, or {@code both} (off,
 * on, off, on, each on a fresh store, then the ratio of the means).
 */
public final class IngestBenchmark {
    private static final int BULK_CALL = 100_000;

    private IngestBenchmark() {
    }

    /** Runs the benchmark. */
    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "memory";
        int single = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int bulk = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        int hosts = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        String grouping = args.length > 5 ? args[5] : "on";
        System.out.printf("ingest benchmark: store=%s single=%d threads=%d hosts=%d group-commit=%s bulk=%d cores=%d%n",
                kind, single, threads, hosts, grouping, bulk, Runtime.getRuntime().availableProcessors());
        List<Boolean> runs = switch (grouping) {
            case "on" -> List.of(true);
            case "off" -> List.of(false);
            case "both" -> List.of(false, true, false, true);
            default -> throw new IllegalArgumentException("group commit must be on, off or both, was " + grouping);
        };
        double[] sums = new double[2];
        for (boolean grouped : single > 0 ? runs : List.<Boolean>of()) {
            try (BenchStores.Handle store = BenchStores.open(kind)) {
                sums[grouped ? 1 : 0] += single(store, BenchRun.FIRST, single, threads, hosts, grouped, true);
            }
        }
        if (single > 0 && runs.size() > 1) {
            System.out.printf("  group commit on / off: %.2f (mean of %d runs each)%n", sums[1] / sums[0],
                    runs.size() / 2);
        }
        if (bulk > 0) {
            try (BenchStores.Handle store = BenchStores.open(kind)) {
                bulk(store, bulk);
            }
        }
    }

    /**
     * Single-lead ingests of {@code n} people of {@code run} on {@code threads} engines into the
     * auto-assigning campaign that exists already, then the same people again.
     */
    static double single(BenchStores.Handle handle, BenchRun run, int n, int threads) throws Exception {
        return single(handle, run, n, threads, threads, true, false);
    }

    /**
     * Single-lead ingests of {@code n} people of {@code run} on {@code threads} threads spread over
     * {@code hosts} engines, with the group commit on or off, then the same people again; {@code world}:
     * create the benchmark's auto-assigning campaign first (else one exists already).
     */
    static double single(BenchStores.Handle handle, BenchRun run, int n, int threads, int hosts, boolean grouped,
            boolean world) throws Exception {
        IntakeCommits commits = new IntakeCommits();
        List<RetentionEngine> engines = new ArrayList<>();
        for (int i = 0; i < hosts; i++) {
            engines.add(engine(handle, i, "ingest-" + i, grouped, commits));
        }
        List<RetentionEngine> perThread = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            perThread.add(engines.get(t % hosts));
        }
        if (world) {
            BenchmarkWorld.create(engines.get(0), true);
        }
        long before = engines.get(0).leads().list(PageRequest.first(1)).total();
        Campaign capping = engines.get(0).campaigns().create(NewCampaign.builder("capped")
                .autoAssign(AutoAssignRule.sources(EnumSet.of(LeadSource.MANUAL), n / 10)).build());
        commits.reset();
        long from = System.currentTimeMillis();
        TickCost cost = TickCost.start();
        double secs = onThreads(perThread, n, (host, i) -> host.leads().ingest(person(run, i, LeadSource.API)));
        System.out.printf("  single ingest (group commit %s): %d leads (dedupe + assign + enroll + status) on %d"
                + " threads, %d hosts in %.2f s -> %.0f leads/s; %s; %s (steps: leads); epoch ms %d-%d%n",
                grouped ? "on" : "off", n, threads, hosts, secs, n / secs, commits.summary(), cost.stop(n), from,
                System.currentTimeMillis());
        int check = Math.min(n, 2_000);
        onThreads(perThread, check * threads,
                (host, i) -> host.leads().ingest(person(run, i / threads, LeadSource.API)));
        int cappedLeads = Math.min(n, 2_000);
        double cappedSecs = onThreads(perThread, cappedLeads, (host, i) ->
                host.leads().ingest(person(run, 4_000_000 + i, LeadSource.MANUAL)));
        RetentionEngine host = engines.get(0);
        long leads = host.leads().list(PageRequest.first(1)).total() - before;
        long capped = host.store().countCampaignLeads(capping.id());
        System.out.printf("  checked: %d leads stored for %d people after every thread ingested the first %d again;"
                + " capped campaign holds %d of cap %d (%d leads into it at %.0f leads/s)%n", leads, n + cappedLeads,
                check, capped, n / 10, cappedLeads, cappedLeads / cappedSecs);
        if (leads != n + cappedLeads || capped != Math.min(n / 10, cappedLeads)) {
            throw new IllegalStateException("dedupe or cap broken");
        }
        return n / secs;
    }

    /**
     * {@code ingestAll} of {@code n} leads in calls of {@value #BULK_CALL}, then checked; then
     * {@code ingestAll} into a capped campaign (set apart from the others by source), checked for its
     * cap.
     */
    static double bulk(BenchStores.Handle handle, int n) {
        RetentionEngine host = engine(handle, 0, "bulk", true, new IntakeCommits());
        BenchmarkWorld.create(host, true);
        long from = System.currentTimeMillis();
        TickCost cost = TickCost.start();
        long start = System.nanoTime();
        long created = ingestAll(host, 0, n, LeadSource.API);
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf("  bulk ingestAll: %d leads (%d created) in %.2f s -> %.0f leads/s; %s (steps: leads);"
                + " epoch ms %d-%d%n", n, created, secs, n / secs, cost.stop(n), from, System.currentTimeMillis());
        List<NewLead> again = new ArrayList<>();
        for (int i = 0; i < Math.min(n, 10_000); i++) {
            again.add(person(BenchRun.FIRST, i, LeadSource.API));
        }
        long duplicates = host.leads().ingestAll(again).count(BulkIngestReport.Outcome.DUPLICATE);
        long stored = host.leads().list(PageRequest.first(1)).total();
        System.out.printf("  checked: %d leads stored, %d of %d re-ingested rows reported duplicate%n", stored,
                duplicates, again.size());
        if (created != n || stored != n || duplicates != again.size()) {
            throw new IllegalStateException("bulk dedupe broken");
        }
        int cappedLeads = Math.min(n, 20_000);
        int cap = cappedLeads / 2;
        host.campaigns().create(NewCampaign.builder("capped").autoAssign(AutoAssignRule.sources(
                EnumSet.of(LeadSource.MANUAL), cap)).build());
        long cappedStart = System.nanoTime();
        long cappedCreated = ingestAll(host, 4_000_000, cappedLeads, LeadSource.MANUAL);
        double cappedSecs = (System.nanoTime() - cappedStart) / 1e9;
        long capped = host.campaigns().list().stream().filter(c -> c.name().equals("capped"))
                .mapToLong(c -> host.store().countCampaignLeads(c.id())).sum();
        System.out.printf("  capped bulk ingestAll: %d leads (%d created) at %.0f leads/s; capped campaign holds %d"
                + " of cap %d%n", cappedLeads, cappedCreated, cappedLeads / cappedSecs, capped, cap);
        if (cappedCreated != cappedLeads || capped != cap) {
            throw new IllegalStateException("bulk cap broken");
        }
        return n / secs;
    }

    /** {@code ingestAll} of people {@code first} to {@code first + n - 1} in calls of {@value #BULK_CALL}. */
    private static long ingestAll(RetentionEngine host, int first, int n, LeadSource source) {
        long created = 0;
        for (int from = 0; from < n; from += BULK_CALL) {
            List<NewLead> rows = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + BULK_CALL); i++) {
                rows.add(person(BenchRun.FIRST, first + i, source));
            }
            created += host.leads().ingestAll(rows).count(BulkIngestReport.Outcome.CREATED);
        }
        return created;
    }

    /**
     * Person {@code i} (below 6,000,000) of {@code run}: the same email and phone whenever both are the
     * same, and neither shared with the tick benchmark's leads.
     */
    static NewLead person(BenchRun run, int i, LeadSource source) {
        return NewLead.builder(source).email(run.email("ingest", i))
                .phone(run.phone(2_000_000 + i))
                .firstName("I" + i).build();
    }

    private static RetentionEngine engine(BenchStores.Handle handle, int i, String id, boolean grouped,
            IntakeCommits commits) {
        RetentionEngineBuilder b = RetentionEngine.builder()
                .store(commits.counting(i == 0 ? handle.store() : handle.separateStore()))
                .clock(Clock.systemUTC()).instanceId(id).channel(BenchmarkWorld.noop());
        return (grouped ? b : b.noIngestGroupCommit()).build();
    }

    /** Work item {@code i} of {@code n}, spread over the threads. */
    private interface Work {
        void run(RetentionEngine host, int i);
    }

    /** Runs {@code n} work items on one thread per entry of {@code hosts}, each on its entry's engine. */
    private static double onThreads(List<RetentionEngine> hosts, int n, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(hosts.size());
        try {
            long start = System.nanoTime();
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < hosts.size(); t++) {
                RetentionEngine host = hosts.get(t);
                int first = t;
                parts.add(pool.submit(() -> {
                    for (int i = first; i < n && !Thread.currentThread().isInterrupted(); i += hosts.size()) {
                        work.run(host, i);
                    }
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdownNow(); // after a failure, the other threads stop at their next item
        }
    }
}
