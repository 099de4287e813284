package io.retentioncenter.core.internal;

import io.retentioncenter.core.IllegalStateTransitionException;
import io.retentioncenter.core.campaign.Assignment;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.CampaignStatus;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.sequence.EnrollResult;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Routes a new lead: assigns it to every ACTIVE campaign whose auto-assign rule matches its
 * source, whose cap is not reached (the store keeps the cap exact under concurrency) and from
 * which no operator removed it, enrolls it in each such campaign's sequence, and moves it to
 * IN_PROGRESS when it belongs to at least one campaign. Idempotent: routing a lead again assigns
 * and enrolls nothing twice, so an interrupted routing can be finished by routing again.
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

    /** Routes {@code lead}; returns campaign ids joined and enrollment ids created. */
    public Routed route(Lead lead, Instant now) {
        ConfigSnapshot config = ctx.config().current();
        List<Campaign> matching = config.campaigns().values().stream()
                .filter(c -> c.status() == CampaignStatus.ACTIVE && c.autoAssign().matches(lead.source()))
                .sorted(Comparator.comparing(Campaign::createdAt).thenComparing(Campaign::id))
                .toList();
        List<String> joined = new ArrayList<>();
        List<String> enrollments = new ArrayList<>();
        boolean member = false;
        for (Campaign c : matching) {
            Joined j = join(c, lead.id(), config, now);
            if (!j.member()) {
                continue;
            }
            member = true;
            j.enrollmentId().ifPresent(enrollments::add);
            if (j.assignment() == Assignment.ASSIGNED || j.enrollmentId().isPresent()) {
                joined.add(c.id());
            }
        }
        if (member) {
            markInProgress(lead, now);
        }
        return new Routed(joined, enrollments);
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
        /** Whether the lead is in the campaign now. */
        public boolean member() {
            return assignment == Assignment.ASSIGNED || assignment == Assignment.ALREADY_ASSIGNED;
        }
    }

    /**
     * Routing result.
     *
     * @param campaignIds campaigns joined
     * @param enrollmentIds enrollments created
     */
    public record Routed(List<String> campaignIds, List<String> enrollmentIds) {
    }
}
