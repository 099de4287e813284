package io.retentioncenter.core.lead;

import java.util.List;

/**
 * A lead to take in as one unit of work: insert it unless its email or phone is known, assign it to
 * its campaigns under their caps, enroll it, and move it to IN_PROGRESS when it joined a campaign.
 *
 * @param candidate the normalized new lead; its {@code createdAt} is the intake time
 * @param routes the campaigns it goes to, in order
 */
public record LeadIntake(Lead candidate, List<IntakeRoute> routes) {
    /** Copies the routes. */
    public LeadIntake {
        routes = List.copyOf(routes);
    }
}
