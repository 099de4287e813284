package io.retentioncenter.core.internal;

import io.retentioncenter.core.PurgeReport;
import io.retentioncenter.core.campaign.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the housekeeping tables bounded: processed-event keys, Keitaro replay keys and unmatched
 * postbacks older than the retention period, and rate-limit windows that ended over an hour ago
 * (counting from the longest window any campaign uses), are deleted. Run by the tick at most once per
 * interval on each engine; a failure is reported and never breaks the tick.
 */
public final class Housekeeping {
    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
    private static final Duration RATE_WINDOW_MARGIN = Duration.ofHours(1);

    private final EngineContext ctx;
    private final AtomicReference<Instant> nextRun = new AtomicReference<>(Instant.MIN);

    /** Built by the engine. */
    public Housekeeping(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** Purges now, whatever the interval. */
    public PurgeReport purge() {
        Instant now = ctx.now();
        Duration longestWindow = ctx.config().current().campaigns().values().stream()
                .flatMap(c -> c.rateLimits().values().stream()).map(RateLimit::window)
                .max(Duration::compareTo).orElse(Duration.ZERO);
        PurgeReport report = ctx.store().purgeHousekeeping(now.minus(ctx.settings().housekeepingRetention()),
                now.minus(longestWindow).minus(RATE_WINDOW_MARGIN));
        nextRun.set(now.plus(ctx.settings().housekeepingInterval()));
        if (report.total() > 0) {
            log.debug("housekeeping purged {}", report);
        }
        return report;
    }

    /** Purges when the interval has passed since the last purge of this engine; never throws. */
    public void purgeIfDue() {
        Instant due = nextRun.get();
        if (ctx.now().isBefore(due) || !nextRun.compareAndSet(due, Instant.MAX)) {
            return;
        }
        try {
            purge();
        } catch (RuntimeException e) {
            nextRun.set(ctx.now().plus(ctx.settings().housekeepingInterval()));
            ctx.listener().error("housekeeping", e);
        }
    }
}
