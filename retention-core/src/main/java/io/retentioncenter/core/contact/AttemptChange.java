package io.retentioncenter.core.contact;

import java.util.List;
import java.util.Optional;

/**
 * A forward move of an attempt caused by a provider event.
 *
 * @param attemptId the attempt
 * @param status the new status; applied only if the current status {@link AttemptStatus#canAdvanceTo can advance} to it
 * @param providerRef provider reference to keep, if the attempt has none yet
 * @param error error text to keep (failures)
 * @param transcript transcript to keep
 * @param keywords keywords to keep (replacing earlier ones when non-empty)
 */
public record AttemptChange(String attemptId, AttemptStatus status, Optional<String> providerRef,
        Optional<String> error, Optional<String> transcript, List<String> keywords) {
    /** Copies. */
    public AttemptChange {
        keywords = List.copyOf(keywords);
    }
}
