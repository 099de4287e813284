package io.retentioncenter.core.internal;

import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.ArmAssignment;
import io.retentioncenter.core.experiment.StepTarget;
import io.retentioncenter.core.experiment.Treatment;
import io.retentioncenter.core.experiment.Variant;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.sequence.DelayAnchor;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.SequenceStep;
import io.retentioncenter.core.spi.ArmAssignmentStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Plans when a sequence step is due. A step whose campaign runs a timing test on it is due at the
 * delay, or inside the send window (in the lead's time zone, else the campaign schedule's), of the
 * lead's arm: the arm stored for the lead when there is one, else a new sticky draw that the step
 * outcome stores with the planning. Otherwise the step's own delay applies.
 */
final class StepTimings {
    private final ArmAssignmentStore store;
    private final VariantPicker picker;

    StepTimings(ArmAssignmentStore store, VariantPicker picker) {
        this.store = store;
        this.picker = picker;
    }

    /** When {@code step} of {@code e} is due, planned at {@code now}, and the new arm to store, if any. */
    PlannedTiming plan(SequenceEnrollment e, SequenceStep step, Lead lead, Campaign campaign, ConfigSnapshot config,
            Instant now) {
        Optional<AbTest> test = config.runningTimingTest(e.campaignId(), new StepTarget(e.sequenceId(), step.order()));
        if (test.isEmpty()) {
            return new PlannedTiming(dueAt(step, step.delay(), e, now), Optional.empty());
        }
        Optional<ArmAssignment> stored = store.armAssignment(test.get().id(), lead.id());
        Optional<Variant> storedArm = stored.flatMap(a -> test.get().variant(a.variant()));
        Variant arm = storedArm.orElseGet(() -> picker.pick(test.get(), lead.id()));
        Optional<ArmAssignment> drawn = stored.isPresent() ? Optional.empty() : Optional.of(
                new ArmAssignment(test.get().id(), lead.id(), e.campaignId(), e.id(), arm.name(), now));
        Instant due;
        if (arm.treatment() instanceof Treatment.DelayArm delay) {
            due = dueAt(step, delay.delay(), e, now);
        } else {
            Treatment.WindowArm window = (Treatment.WindowArm) arm.treatment();
            due = window.window().nextOpening(dueAt(step, step.delay(), e, now),
                    lead.timezone().orElse(campaign.schedule().zone()));
        }
        return new PlannedTiming(due, drawn);
    }

    /** {@code delay} counted from the step's anchor; a time already past is now. */
    static Instant dueAt(SequenceStep step, Duration delay, SequenceEnrollment e, Instant now) {
        if (step.anchor() == DelayAnchor.ENROLLMENT) {
            Instant due = e.enrolledAt().plus(delay);
            return due.isAfter(now) ? due : now;
        }
        return now.plus(delay);
    }

    /**
     * A planned due time.
     *
     * @param dueAt when the step is due
     * @param assignment the arm drawn now, to store with the planning; empty without a test or when
     *     the lead's arm was stored before
     */
    record PlannedTiming(Instant dueAt, Optional<ArmAssignment> assignment) {
    }
}
