package io.retentioncenter.host.config;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.TickLoop;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the engine's safe tick loop while the application runs: it starts once the context is up
 * and, on shutdown, stops first and waits up to the shutdown timeout for a running tick, so that
 * in-flight dispatches finish before the scheduler and the data source close.
 */
public final class TickLoopLifecycle implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(TickLoopLifecycle.class);

    private final RetentionEngine engine;
    private final ScheduledExecutorService scheduler;
    private final Duration delay;
    private final Duration shutdownTimeout;
    private volatile TickLoop loop;

    TickLoopLifecycle(RetentionEngine engine, ScheduledExecutorService scheduler, Duration delay,
            Duration shutdownTimeout) {
        this.engine = engine;
        this.scheduler = scheduler;
        this.delay = delay;
        this.shutdownTimeout = shutdownTimeout;
    }

    @Override
    public synchronized void start() {
        if (loop == null) {
            loop = engine.schedule(scheduler, delay);
            log.info("tick loop started, {} between ticks", delay);
        }
    }

    @Override
    public synchronized void stop() {
        if (loop != null) {
            boolean idle = loop.stop(shutdownTimeout);
            if (!idle) {
                log.warn("a tick was still running after {}; shutting down anyway", shutdownTimeout);
            }
            log.info("tick loop stopped after {} ticks ({} failed)", loop.completedTicks(), loop.failedTicks());
            loop = null;
        }
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }

    /** The running loop, while the application runs. */
    public Optional<TickLoop> loop() {
        return Optional.ofNullable(loop);
    }
}
