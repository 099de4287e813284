package io.retentioncenter.core.contact;

import io.retentioncenter.core.internal.Require;

/**
 * The end of one dispatch, applied by the store only while the dispatcher still holds the attempt.
 *
 * @param owner the dispatcher that claimed the attempt
 * @param updated the attempt's new state: SENT, FAILED, UNKNOWN, or PENDING with the next try
 * @param stepFailed whether the sequence step execution of this attempt is to be marked FAILED
 */
public record DispatchCompletion(String owner, ContactAttempt updated, boolean stepFailed) {
    /** Validates. */
    public DispatchCompletion {
        Require.text(owner, "owner");
        Require.present(updated, "updated");
    }
}
