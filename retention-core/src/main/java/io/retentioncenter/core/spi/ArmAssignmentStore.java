package io.retentioncenter.core.spi;

import io.retentioncenter.core.experiment.ArmAssignment;
import java.util.Optional;

/**
 * The timing-test arms of leads. Arms are written only with the step outcome that planned the tested
 * step ({@link io.retentioncenter.core.sequence.StepOutcome#assignment()}), at most one per test and
 * lead: the first stored stays, whichever engine planned it. A role of {@link RetentionStore}.
 */
public interface ArmAssignmentStore {
    /** The arm of {@code leadId} in timing test {@code testId}, if one was stored. */
    Optional<ArmAssignment> armAssignment(String testId, String leadId);
}
