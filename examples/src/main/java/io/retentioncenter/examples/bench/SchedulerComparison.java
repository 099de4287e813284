package io.retentioncenter.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Our tick against db-scheduler on the same PostgreSQL database in the same program, runs
 * interleaved (ours, theirs, then theirs, ours in the next round), printing each pair's ratio of our
 * steps per second to db-scheduler's executions per second. A step does more than an execution
 * (attempt, execution record, enrollment advance, dispatch), so a ratio above 1 is the goal.
 *
 * <pre>
 * mvn -q -B -DskipTests -pl examples -am package exec:java \
 *     -Dexec.mainClass=io.retentioncenter.examples.bench.SchedulerComparison -Dexec.args="100000 2 4,1"
 * </pre>
 *
 * Arguments: due steps/executions per run, rounds, the engine counts to pair (each engine against
 * one db-scheduler instance of 8 threads, lock-and-fetch), and the tick concurrencies of our engines
 * to run against each (default 4: batches one tick processes at once, each on its own thread and
 * connection; fewer threads than db-scheduler's 8, each moving a batch of 1,000 rather than one
 * execution; {@code 1,4} runs ours both ways against the same db-scheduler run), and the due count of
 * the warm-up (default 20,000; 0 for none): before the measured rounds, one uncounted run of each side
 * with every engine count and tick concurrency, so that both are measured with compiled code, as in a
 * host that has been running, rather than one of them paying the JIT compiler in its timed run.
 */
public final class SchedulerComparison {
    private static final int THREADS = 8;

    private SchedulerComparison() {
    }

    /** Runs the comparison. */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        String[] pairs = (args.length > 2 ? args[2] : "4,1").split(",");
        String[] workers = (args.length > 3 ? args[3] : "4").split(",");
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 20_000;
        System.out.printf("tick vs db-scheduler: due=%d rounds=%d pairs=%s tick workers=%s warm-up=%d cores=%d%n", n,
                rounds, String.join(",", pairs), String.join(",", workers), warmUp,
                Runtime.getRuntime().availableProcessors());
        if (warmUp > 0) {
            System.out.println("warm-up (not counted):");
            for (String pair : pairs) {
                int engines = Integer.parseInt(pair.trim());
                for (String w : workers) {
                    ours(warmUp, engines, Integer.parseInt(w.trim()));
                }
                theirs(warmUp, engines);
            }
            System.out.println("measured:");
        }
        List<String> summary = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (String pair : pairs) {
                int engines = Integer.parseInt(pair.trim());
                double[] ours = new double[workers.length];
                double theirs = round % 2 == 0 ? 0 : theirs(n, engines);
                for (int w = 0; w < workers.length; w++) {
                    ours[w] = ours(n, engines, Integer.parseInt(workers[w].trim()));
                }
                if (round % 2 == 0) {
                    theirs = theirs(n, engines);
                }
                for (int w = 0; w < workers.length; w++) {
                    String line = String.format("round %d, %d vs %d, %s tick workers: ours %.0f steps/s, db-scheduler"
                            + " %.0f executions/s, ratio %.2f", round + 1, engines, engines, workers[w].trim(), ours[w],
                            theirs, ours[w] / theirs);
                    System.out.println("  " + line);
                    summary.add(line);
                }
            }
        }
        System.out.println("summary:");
        summary.forEach(line -> System.out.println("  " + line));
    }

    private static double ours(int n, int engines, int workers) throws Exception {
        try (BenchStores.Handle store = BenchStores.open("postgres")) {
            return TickBenchmark.tick(store, BenchRun.FIRST, n, engines, workers, Optional.empty(), false);
        }
    }

    private static double theirs(int n, int instances) throws Exception {
        double rate = DbSchedulerRun.run(n, instances, THREADS);
        System.out.printf("  db-scheduler: %d executions, %d instances x %d threads -> %.0f executions/s%n", n,
                instances, THREADS, rate);
        return rate;
    }
}
