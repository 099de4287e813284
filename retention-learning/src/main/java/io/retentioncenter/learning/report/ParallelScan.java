package io.retentioncenter.learning.report;

import io.retentioncenter.core.StoreException;

/**
 * A scan run on a thread of its own while the caller runs another; {@link #await} waits for it and
 * rethrows what it threw.
 */
final class ParallelScan {
    private final Thread thread;
    private volatile Throwable failure;

    private ParallelScan(String name, Runnable scan) {
        this.thread = new Thread(() -> {
            try {
                scan.run();
            } catch (Throwable t) { // rethrown on the caller's thread by await()
                failure = t;
            }
        }, name);
        this.thread.setDaemon(true);
    }

    /** Starts {@code scan} on a new thread named {@code name}. */
    static ParallelScan start(String name, Runnable scan) {
        ParallelScan parallel = new ParallelScan(name, scan);
        parallel.thread.start();
        return parallel;
    }

    /**
     * Waits for the scan to end after the caller's own scan failed with {@code primary}; what this
     * scan threw is added to it as suppressed.
     */
    void awaitAfter(Throwable primary) {
        try {
            await();
        } catch (RuntimeException | Error e) {
            primary.addSuppressed(e);
        }
    }

    /**
     * Waits for the scan to end and rethrows its exception or error.
     *
     * @throws StoreException when the waiting thread is interrupted (its interrupt flag is kept)
     */
    void await() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for " + thread.getName(), e);
        }
        Throwable t = failure;
        if (t instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (t instanceof Error error) {
            throw error;
        }
        if (t != null) {
            throw new StoreException(thread.getName() + " failed: " + t.getMessage(), t);
        }
    }
}
