package io.retentioncenter.core;

import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.internal.EngineContext;
import io.retentioncenter.core.sequence.EnrollmentQuery;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Reads {@link EngineStats} from the store; attempts are streamed, not loaded. */
final class EngineStatsReader {
    private final EngineContext ctx;

    EngineStatsReader(EngineContext ctx) {
        this.ctx = ctx;
    }

    EngineStats read() {
        Instant now = ctx.now();
        long active = count(EnrollmentStatus.ACTIVE);
        long paused = count(EnrollmentStatus.PAUSED);
        long steps = ctx.store().countExecutionsBetween(now.minus(Duration.ofHours(1)), now.plusMillis(1));
        AtomicLong total = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ctx.store().scanAttempts(now.minus(Duration.ofDays(1)), now.plusMillis(1), a -> {
            total.incrementAndGet();
            if (a.status() == AttemptStatus.FAILED) {
                failed.incrementAndGet();
            }
        });
        AtomicLong backlog = new AtomicLong();
        ctx.store().scanAttempts(Instant.EPOCH, now.plusMillis(1), a -> {
            if (a.status().isUndispatched()) {
                backlog.incrementAndGet();
            }
        });
        double rate = total.get() == 0 ? 0 : (double) failed.get() / total.get();
        long unknown = ctx.store().listAttempts(AttemptStatus.UNKNOWN, PageRequest.first(1)).total();
        return new EngineStats(now, active, paused, steps, total.get(), rate, backlog.get(), unknown,
                count(EnrollmentStatus.SET_ASIDE));
    }

    private long count(EnrollmentStatus status) {
        return ctx.store().listEnrollments(EnrollmentQuery.all().withStatus(status),
                io.retentioncenter.core.PageRequest.first(1)).total();
    }
}
