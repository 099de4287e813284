package io.retentioncenter.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Runs a tick's batch loop on {@code concurrency} workers at once: the calling thread and, beyond
 * one, daemon threads of the engine's own. Each worker claims its own batches (claims are leased, so
 * workers never share an enrollment or an attempt); their tallies are added up. The tick returns
 * only when every worker has finished; a worker's failure is rethrown then, with those of the
 * others suppressed.
 */
final class TickWorkers {
    private final int concurrency;
    private final ExecutorService threads;

    TickWorkers(int concurrency, String instanceId) {
        this.concurrency = concurrency;
        this.threads = concurrency == 1 ? null : Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "rc-tick-" + instanceId);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code loop} on every worker and returns the sum of their tallies. */
    TickCounter run(Supplier<TickCounter> loop) {
        if (threads == null) {
            return loop.get();
        }
        List<CompletableFuture<TickCounter>> others = new ArrayList<>(concurrency - 1);
        for (int i = 1; i < concurrency; i++) {
            others.add(CompletableFuture.supplyAsync(loop, threads));
        }
        TickCounter total = new TickCounter();
        RuntimeException failure = null;
        try {
            total.add(loop.get());
        } catch (RuntimeException e) {
            failure = e;
        }
        for (CompletableFuture<TickCounter> other : others) {
            try {
                total.add(other.join());
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return total;
    }
}
