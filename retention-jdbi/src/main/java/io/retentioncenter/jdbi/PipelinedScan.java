package io.retentioncenter.jdbi;

import io.retentioncenter.core.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * A large scan whose reading and whose sink run at the same time: a reader thread streams the rows
 * (the database producing them and the driver decoding them) and hands them over in batches through
 * a bounded queue to the caller's thread, which runs the sink. A plain cursor scan does one after the
 * other on one thread. Memory stays bounded by the queue; the sink only ever runs on the caller's
 * thread, in the order the rows were read. If the sink fails, the reader stops; the first failure of
 * either side is rethrown on the caller's thread.
 *
 * @param <T> the row type
 */
final class PipelinedScan<T> {
    private static final int BATCH = 1024;
    private static final int BATCHES_IN_FLIGHT = 8;

    private final BlockingQueue<Hand<T>> queue = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
    private volatile boolean stopped;

    private PipelinedScan() {
    }

    /** Runs {@code read} on a reader thread named {@code name} and its rows through {@code sink} on this one. */
    static <T> void run(String name, Consumer<Consumer<T>> read, Consumer<? super T> sink) {
        new PipelinedScan<T>().drain(name, read, sink);
    }

    private void drain(String name, Consumer<Consumer<T>> read, Consumer<? super T> sink) {
        Thread reader = new Thread(() -> read(read), name + "-reader");
        reader.setDaemon(true);
        reader.start();
        Throwable failure = null;
        boolean interrupted = false;
        while (true) {
            Hand<T> hand;
            try {
                hand = queue.take();
            } catch (InterruptedException e) {
                interrupted = true;
                stopped = true;
                failure = failure != null ? failure : new StoreException("interrupted while reading " + name, e);
                continue;
            }
            if (hand.rows() == null) {
                failure = failure != null ? failure : hand.failure();
                break;
            }
            if (failure == null) {
                try {
                    hand.rows().forEach(sink);
                } catch (RuntimeException | Error e) {
                    failure = e;
                    stopped = true;
                }
            }
        }
        interrupted |= join(reader);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        rethrow(failure, name);
    }

    /** Streams every row into the queue in batches, then hands over the end (with the failure, if any). */
    private void read(Consumer<Consumer<T>> read) {
        Batcher batcher = new Batcher();
        Throwable failure = null;
        try {
            read.accept(batcher);
            batcher.flush();
        } catch (Throwable t) { // handed to the caller's thread, which rethrows it unless it stopped the scan
            failure = stopped ? null : t;
        }
        hand(new Hand<>(null, failure));
    }

    /** Puts {@code hand} on the queue; the caller's thread keeps taking until the end arrives. */
    private void hand(Hand<T> hand) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(hand);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for {@code thread} to end; true when this thread was interrupted meanwhile. */
    private static boolean join(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
    }

    private static void rethrow(Throwable failure, String name) {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new StoreException(name + " failed: " + failure.getMessage(), failure);
        }
    }

    /** A batch of rows, or the end ({@code rows} null) with the reader's failure, if any. */
    private record Hand<T>(List<T> rows, Throwable failure) {
    }

    /** Collects rows into batches for the queue; stops the read once the caller has stopped the scan. */
    private final class Batcher implements Consumer<T> {
        private List<T> rows = new ArrayList<>(BATCH);

        @Override
        public void accept(T row) {
            if (stopped) {
                throw new StoreException("scan stopped by its sink");
            }
            rows.add(row);
            if (rows.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (!rows.isEmpty()) {
                hand(new Hand<>(rows, null));
                rows = new ArrayList<>(BATCH);
            }
        }
    }
}
