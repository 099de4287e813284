package io.retentioncenter.core;

import io.retentioncenter.core.sequence.TickResult;
import io.retentioncenter.core.spi.EngineListener;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Ticks an engine on the host's {@link ScheduledExecutorService} with a fixed delay between ticks,
 * and keeps going whatever a tick throws: every failure (a database outage, a bug) is reported
 * through {@link EngineListener#error} as {@code "tick"} (and logged at WARN), and the next tick runs on time.
 * A plain {@code scheduleWithFixedDelay(engine::tick, …)} would be cancelled by the executor at the
 * first exception. Started by {@link RetentionEngine#schedule}; thread-safe.
 */
public final class TickLoop implements AutoCloseable {
    private final Supplier<TickResult> tick;
    private final EngineListener listener;
    private final AtomicReference<TickResult> lastResult = new AtomicReference<>();
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final ReentrantLock running = new ReentrantLock();
    private final ScheduledFuture<?> future;
    private volatile boolean stopped;

    TickLoop(Supplier<TickResult> tick, EngineListener listener, ScheduledExecutorService executor,
            Duration period) {
        this.tick = tick;
        this.listener = listener;
        this.future = executor.scheduleWithFixedDelay(this::runOnce, 0, period.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void runOnce() {
        running.lock();
        try {
            if (stopped) {
                return;
            }
            lastResult.set(tick.get());
            ticks.incrementAndGet();
        } catch (RuntimeException | Error e) {
            failures.incrementAndGet();
            listener.error("tick", e);
            if (e instanceof VirtualMachineError vme) {
                throw vme;
            }
        } finally {
            running.unlock();
        }
    }

    /**
     * Stops scheduling ticks. Idempotent.
     *
     * @param timeout how long to wait at most for a tick that is running to finish
     * @return whether no tick is running any more
     */
    public boolean stop(Duration timeout) {
        stopped = true;
        future.cancel(false);
        try {
            if (running.tryLock(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS)) {
                running.unlock();
                return true;
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops scheduling ticks without waiting for a running one; same as {@code stop(Duration.ZERO)}. */
    @Override
    public void close() {
        stop(Duration.ZERO);
    }

    /** Whether ticks are still being scheduled. */
    public boolean isRunning() {
        return !stopped && !future.isDone();
    }

    /** Ticks that completed. */
    public long completedTicks() {
        return ticks.get();
    }

    /** Ticks that threw (each reported through the listener). */
    public long failedTicks() {
        return failures.get();
    }

    /** The result of the last completed tick, if any. */
    public Optional<TickResult> lastResult() {
        return Optional.ofNullable(lastResult.get());
    }
}
