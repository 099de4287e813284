package io.retentioncenter.core.internal;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.AttemptKind;
import io.retentioncenter.core.contact.ContactAttempt;
import java.time.Duration;
import java.time.Instant;

/**
 * The argument rules of the {@code OutreachStore} and {@code ReengagementStore} roles, shared by every
 * store so that each rejects the same calls with the same {@link ValidationException}.
 */
public final class OutreachArguments {
    private OutreachArguments() {
    }

    /** A test attempt: kind TEST. */
    public static ContactAttempt testAttempt(ContactAttempt attempt) {
        if (Require.present(attempt, "attempt").kind() != AttemptKind.TEST) {
            throw new ValidationException("attempt.kind", "must be TEST, was " + attempt.kind());
        }
        return attempt;
    }

    /** A pace reservation's arguments: a lead, times, a positive cap and a gap that is not negative; returns the lead id. */
    public static String pace(String leadId, Instant at, Instant dayStart, int dailyCap, Duration minGap) {
        String lead = Require.text(leadId, "leadId");
        Require.present(at, "at");
        if (Require.present(dayStart, "dayStart").isAfter(at)) {
            throw new ValidationException("dayStart", "must not be after at");
        }
        Require.positive(dailyCap, "dailyCap");
        if (Require.present(minGap, "minGap").isNegative()) {
            throw new ValidationException("minGap", "must not be negative");
        }
        return lead;
    }

    /** The arguments of {@code reengagementCandidates}: a rule, a window that is not empty, a positive limit. */
    public static void candidates(Object rule, Instant anchoredAfter, Instant anchoredBy, int limit) {
        Require.present(rule, "rule");
        Require.present(anchoredAfter, "anchoredAfter");
        if (!Require.present(anchoredBy, "anchoredBy").isAfter(anchoredAfter)) {
            throw new ValidationException("anchoredBy", "must be after anchoredAfter");
        }
        Require.positive(limit, "limit");
    }

    /** The arguments of {@code markReengaged}. */
    public static void reengaged(String leadId, String targetSequenceId, String ruleId, String sourceEnrollmentId,
            Instant at) {
        Require.text(leadId, "leadId");
        Require.text(targetSequenceId, "targetSequenceId");
        Require.text(ruleId, "ruleId");
        Require.text(sourceEnrollmentId, "sourceEnrollmentId");
        Require.present(at, "at");
    }
}
