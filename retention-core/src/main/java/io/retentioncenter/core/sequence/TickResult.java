package io.retentioncenter.core.sequence;

/**
 * What one {@code engine.tick()} did.
 *
 * @param claimed due enrollments claimed
 * @param executed steps executed (an attempt recorded)
 * @param skipped steps skipped (condition false, channel not viable, no script or provider)
 * @param deferred steps deferred (outside schedule hours, over a rate limit)
 * @param exited enrollments that left their sequence (converted, opted out, rejected, campaign ended, contact limit)
 * @param completed enrollments that finished their last step
 * @param held enrollments put on hold because their campaign is paused or their sequence archived
 * @param stale outcomes discarded because the enrollment changed meanwhile (lost lease, conversion)
 * @param sent attempts accepted by providers
 * @param retried attempts that failed and wait for another try
 * @param failed attempts that failed for good
 * @param unknown attempts whose outcome is unknown and that are not sent again by themselves
 * @param setAside enrollments set aside because their step kept failing in the store
 */
public record TickResult(int claimed, int executed, int skipped, int deferred, int exited, int completed, int held,
        int stale, int sent, int retried, int failed, int unknown, int setAside) {

    /** Whether the tick did anything at all. */
    public boolean idle() {
        return claimed == 0 && sent + retried + failed + unknown == 0;
    }
}
