package io.retentioncenter.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/** Runs one task on several threads released at the same instant, for the kit's concurrency promises. */
public final class Race {
    /** Threads used by the kit's concurrency tests. */
    public static final int THREADS = 8;

    private Race() {
    }

    /**
     * Runs {@code task} with thread numbers {@code 0..threads-1} on {@code threads} threads that start
     * together, and returns every result. A failing thread fails the test.
     */
    public static <T> List<T> run(int threads, IntFunction<List<T>> task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<T>>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                running.add(pool.submit(() -> {
                    start.await();
                    return task.apply(thread);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<List<T>> future : running) {
                results.addAll(future.get(2, TimeUnit.MINUTES));
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while racing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("a racing thread failed", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
