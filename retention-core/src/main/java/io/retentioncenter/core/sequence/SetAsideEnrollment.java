package io.retentioncenter.core.sequence;

import io.retentioncenter.core.internal.Require;
import java.time.Instant;

/**
 * An enrollment the engine stopped processing because its step kept failing in the store, with the
 * error it recorded.
 *
 * @param enrollment the enrollment, in status {@link EnrollmentStatus#SET_ASIDE}
 * @param error a short description of the failure
 * @param at when it was set aside
 */
public record SetAsideEnrollment(SequenceEnrollment enrollment, String error, Instant at) {
    /** Validates. */
    public SetAsideEnrollment {
        Require.present(enrollment, "enrollment");
        Require.present(error, "error");
        Require.present(at, "at");
    }
}
