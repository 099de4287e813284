package io.retentioncenter.core.dashboard;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.lead.Lead;
import java.time.Instant;

/**
 * A sequence step waiting to run for a lead.
 *
 * @param enrollmentId the enrollment
 * @param lead the lead
 * @param sequenceId the sequence
 * @param sequenceName its name
 * @param stepOrder the step (1-based)
 * @param channel the step's channel
 * @param enabled whether the step is switched on (a step switched off is skipped when due)
 * @param dueAt when the step is due (in the past when the tick is behind)
 */
public record UpcomingStep(String enrollmentId, Lead lead, String sequenceId, String sequenceName, int stepOrder,
        Channel channel, boolean enabled, Instant dueAt) {
    /** Validates. */
    public UpcomingStep {
        Require.text(enrollmentId, "enrollmentId");
        Require.present(lead, "lead");
        Require.text(sequenceId, "sequenceId");
        Require.present(sequenceName, "sequenceName");
        Require.positive(stepOrder, "stepOrder");
        Require.present(channel, "channel");
        Require.present(dueAt, "dueAt");
    }
}
