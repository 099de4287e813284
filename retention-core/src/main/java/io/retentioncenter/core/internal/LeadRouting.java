package io.retentioncenter.core.internal;

import io.retentioncenter.core.IllegalStateTransitionException;
import io.retentioncenter.core.campaign.Assignment;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.CampaignStatus;
import io.retentioncenter.core.lead.IntakeRoute;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.sequence.EnrollResult;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Plans where a new lead goes: every ACTIVE campaign whose auto-assign rule matches its source, oldest
 * first, each with its cap and the sequence it enrolls its leads in. The store applies the plan as one
 * unit of work ({@link io.retentioncenter.core.spi.LeadIntakeStore}), keeping caps exact under
 * concurrency and never re-adding a lead an operator removed from a campaign; routing a lead again
 * assigns and enrolls nothing twice. An operator's assignment of one lead by hand joins one campaign
 * the same way ({@link #join}).
 */
public final class LeadRouting {
    private final EngineContext ctx;
    private final CampaignSequences sequences;
    private final Enroller enroller;

    /** Built by the engine. */
    public LeadRouting(EngineContext ctx, CampaignSequences sequences, Enroller enroller) {
        this.ctx = ctx;
        this.sequences = sequences;
        this.enroller = enroller;
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

    /**
     * Assigns the lead to {@code campaign} under the campaign's cap and enrolls it in the campaign's
     * sequence, unless the cap is reached or an operator removed the lead from the campaign.
     */
    public Joined join(Campaign campaign, String leadId, ConfigSnapshot config, Instant now) {
        Assignment a = ctx.store().assignLead(campaign.id(), leadId, campaign.autoAssign().maxLeads(), now);
        if (a == Assignment.CAP_REACHED || a == Assignment.REMOVED) {
            return new Joined(a, Optional.empty());
        }
        EnrollResult r = enroller.enroll(sequences.sequenceFor(campaign, config), leadId, campaign.id(), now);
        return new Joined(a, r.enrollment().filter(e -> r.outcome() == EnrollResult.Outcome.ENROLLED)
                .map(SequenceEnrollment::id));
    }

    /** Moves a NEW lead that joined a campaign to IN_PROGRESS. */
    public void markInProgress(Lead lead, Instant now) {
        if (lead.status() != LeadStatus.NEW) {
            return;
        }
        try {
            ctx.store().updateLeadStatus(lead.id(), LeadStatus.IN_PROGRESS, now);
        } catch (IllegalStateTransitionException alreadyFurther) {
            // A concurrent tick contacted the lead (or it converted) meanwhile: it is past IN_PROGRESS.
        }
    }

    /**
     * One campaign join.
     *
     * @param assignment what the assignment did
     * @param enrollmentId the enrollment created, if one was
     */
    public record Joined(Assignment assignment, Optional<String> enrollmentId) {
    }
}
