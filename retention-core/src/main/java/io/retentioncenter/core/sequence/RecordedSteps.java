package io.retentioncenter.core.sequence;

import io.retentioncenter.core.contact.ContactAttempt;
import java.util.List;

/**
 * What recording step outcomes under a dispatch lease did.
 *
 * @param results one result per outcome, in order
 * @param leased the attempts inserted already claimed for dispatch (DISPATCHING under the lease), as stored
 */
public record RecordedSteps(List<StepOutcome.Result> results, List<ContactAttempt> leased) {
    /** Copies the lists. */
    public RecordedSteps {
        results = List.copyOf(results);
        leased = List.copyOf(leased);
    }
}
