package io.retentioncenter.core.spi;

import io.retentioncenter.core.contact.DispatchLease;
import io.retentioncenter.core.sequence.RecordedSteps;
import io.retentioncenter.core.sequence.StepOutcome;
import java.util.List;

/**
 * Recording a tick's step outcomes with the attempts the same engine sends right away inserted
 * already claimed, which spares the claim that would move each of them to DISPATCHING a moment
 * later. A role of {@link RetentionStore}.
 */
public interface LeasedStepStore {
    /**
     * Applies the outcomes exactly as {@link EnrollmentStore#recordStepOutcomes} does, except that an
     * attempt it inserts that the lease {@linkplain DispatchLease#covers covers} (PENDING, due by the
     * lease's time) is inserted as {@link DispatchLease#claimed} leaves it, under the lease, as if
     * {@link OutboxStore#claimDispatchable} had claimed it for {@code lease.owner()}. An attempt not
     * inserted (its id or key was stored) is not leased.
     *
     * @return the results, and the attempts inserted under the lease, for the caller to send
     */
    RecordedSteps recordStepOutcomes(List<StepOutcome> outcomes, DispatchLease lease);
}
