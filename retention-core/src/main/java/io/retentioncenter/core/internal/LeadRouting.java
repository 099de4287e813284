package io.retentioncenter.core.internal;

import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.CampaignStatus;
import io.retentioncenter.core.lead.IntakeRoute;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.sequence.RetentionSequence;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Plans where a new lead goes: every ACTIVE campaign whose auto-assign rule matches its source, oldest
 * first, each with its cap and the sequence it enrolls its leads in. The store applies the plan as one
 * unit of work ({@link io.retentioncenter.core.spi.LeadIntakeStore}), keeping caps exact under
 * concurrency; routing a lead again assigns and enrolls nothing twice.
 */
public final class LeadRouting {
    private final CampaignSequences sequences;

    /** Built by the engine. */
    public LeadRouting(CampaignSequences sequences) {
        this.sequences = sequences;
    }

    /**
     * The routes of a lead from {@code source} under {@code config}. Finding a campaign's sequence may
     * create its one-shot sequence, which moves the configuration version on.
     */
    public List<IntakeRoute> plan(LeadSource source, ConfigSnapshot config) {
        return config.campaigns().values().stream()
                .filter(c -> c.status() == CampaignStatus.ACTIVE && c.autoAssign().matches(source))
                .sorted(Comparator.comparing(Campaign::createdAt).thenComparing(Campaign::id))
                .map(c -> new IntakeRoute(c.id(), c.autoAssign().maxLeads(), Optional.of(sequence(c, config))))
                .toList();
    }

    private IntakeRoute.Sequence sequence(Campaign campaign, ConfigSnapshot config) {
        RetentionSequence s = sequences.sequenceFor(campaign, config);
        return new IntakeRoute.Sequence(s.id(), s.step(1).map(step -> step.delay()).orElse(Duration.ZERO),
                s.reenrollCooldown());
    }
}
