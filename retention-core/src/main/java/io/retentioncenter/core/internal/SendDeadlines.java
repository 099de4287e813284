package io.retentioncenter.core.internal;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The dispatch timeouts of one dispatcher's provider calls in flight. Every call gets the same
 * timeout, so calls expire in the order they started: one watcher (a task on the dispatcher's
 * threads, running while calls are in flight) waits for the oldest call's deadline and times out the
 * calls still open then. A call that answers is forgotten at once, so an answered call costs an
 * insertion and a removal, and nothing of it stays referenced until its deadline.
 */
final class SendDeadlines {
    private final long timeoutNanos;
    private final Executor watcherThread;
    /** Open calls by deadline (System.nanoTime), oldest first: insertion order is deadline order. */
    private final LinkedHashMap<ProviderCall, Long> open = new LinkedHashMap<>();
    private boolean watching;

    SendDeadlines(Duration timeout, Executor watcherThread) {
        this.timeoutNanos = timeout.toNanos();
        this.watcherThread = watcherThread;
    }

    /** Times {@code call} out {@link #timeout()} from now unless it is {@linkplain #forget forgotten} first. */
    void watch(ProviderCall call) {
        boolean startWatcher;
        synchronized (this) {
            open.put(call, System.nanoTime() + timeoutNanos);
            startWatcher = !watching;
            watching = true;
        }
        if (startWatcher) {
            try {
                watcherThread.execute(this::watchUntilNoneOpen);
            } catch (RuntimeException | Error e) {
                synchronized (this) {
                    watching = false;
                    open.remove(call);
                }
                throw e;
            }
        }
    }

    /** Stops watching {@code call} (it answered). */
    synchronized void forget(ProviderCall call) {
        open.remove(call);
    }

    /** The timeout every call gets. */
    Duration timeout() {
        return Duration.ofNanos(timeoutNanos);
    }

    private void watchUntilNoneOpen() {
        while (true) {
            ProviderCall expired;
            synchronized (this) {
                Iterator<Map.Entry<ProviderCall, Long>> oldest = open.entrySet().iterator();
                if (!oldest.hasNext()) {
                    watching = false;
                    return;
                }
                Map.Entry<ProviderCall, Long> next = oldest.next();
                long left = next.getValue() - System.nanoTime();
                if (left > 0) {
                    try {
                        TimeUnit.NANOSECONDS.timedWait(this, left);
                    } catch (InterruptedException e) {
                        // an interrupt meant for a provider call that ended on this thread: keep watching
                    }
                    continue;
                }
                oldest.remove();
                expired = next.getKey();
            }
            expired.expire();
        }
    }
}
