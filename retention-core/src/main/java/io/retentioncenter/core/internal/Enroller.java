package io.retentioncenter.core.internal;

import io.retentioncenter.core.sequence.EnrollResult;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import java.time.Instant;

/** Creates enrollments: first step due at enrollment time plus the first step's delay. */
public final class Enroller {
    private final EngineContext ctx;

    /** Built by the engine. */
    public Enroller(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** Enrolls {@code leadId} in {@code sequence} for {@code campaignId} at {@code now}. */
    public EnrollResult enroll(RetentionSequence sequence, String leadId, String campaignId, Instant now) {
        Instant firstDue = sequence.step(1).map(s -> now.plus(s.delay())).orElse(now);
        SequenceEnrollment e = SequenceEnrollment.start(Ids.next("enr"), sequence.id(), leadId, campaignId, now,
                firstDue);
        EnrollResult result = ctx.store().enroll(e, sequence.reenrollCooldown());
        if (result.outcome() == EnrollResult.Outcome.ENROLLED) {
            result.enrollment().ifPresent(ctx.listener()::enrolled);
        }
        return result;
    }
}
