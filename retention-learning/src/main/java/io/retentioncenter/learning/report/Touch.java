package io.retentioncenter.learning.report;

import io.retentioncenter.core.fact.AttemptFact;
import java.time.ZoneId;

/**
 * A sent attempt of the scope as the attribution rule sees it: when it touched the lead, whether
 * its window had closed by the end of observation, and whether a sale was credited to it. Touches
 * that may still be credited (a sale of the lead lies in their window) are kept until every attempt
 * has streamed past; the others are counted at once. Only touches whose window has closed count in
 * rates: counting the credited ones among the open would bias the rates upward.
 */
final class Touch {
    final AttemptFact attempt;
    final long at;
    final boolean windowClosed;
    final LeadTally lead;
    final CampaignTally campaign;
    final ZoneId zone;
    /** The cohort enrollment it belongs to, null when none. */
    final EnrollmentTally track;
    boolean credited;

    Touch(AttemptFact attempt, long at, boolean windowClosed, LeadTally lead, CampaignTally campaign, ZoneId zone,
            EnrollmentTally track) {
        this.attempt = attempt;
        this.at = at;
        this.windowClosed = windowClosed;
        this.lead = lead;
        this.campaign = campaign;
        this.zone = zone;
        this.track = track;
    }
}
