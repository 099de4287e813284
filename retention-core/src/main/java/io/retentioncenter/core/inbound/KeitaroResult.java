package io.retentioncenter.core.inbound;

import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.experiment.Verdict;
import java.util.Optional;

/**
 * What one Keitaro postback did.
 *
 * @param outcome the effect
 * @param conversion the conversion after the postback (also for replays)
 * @param exitedEnrollments enrollments that left their sequence because of it
 * @param verdict the A/B judge's verdict when the conversion was credited to a running test
 */
public record KeitaroResult(Outcome outcome, Optional<Conversion> conversion, int exitedEnrollments,
        Optional<Verdict> verdict) {

    /** The effect of a postback. */
    public enum Outcome {
        /** A new conversion was recorded. */
        CREATED,
        /** An existing conversion moved status or gained revenue. */
        UPDATED,
        /** The same postback was processed before; nothing changed. */
        REPLAY,
        /** The postback asked for a move the conversion does not allow (e.g. rejected to sale); nothing changed. */
        IGNORED_TRANSITION,
        /** The status is configured as ignored (e.g. ping, test); nothing changed. */
        IGNORED_STATUS,
        /** The sub id matches no attempt and no lead; the postback was stored for inspection. */
        UNMATCHED
    }
}
