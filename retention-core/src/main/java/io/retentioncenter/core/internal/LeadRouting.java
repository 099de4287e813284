package io.retentioncenter.core.internal;

import io.retentioncenter.core.IllegalStateTransitionException;
import io.retentioncenter.core.campaign.Assignment;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.CampaignStatus;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.sequence.EnrollResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Routes a new lead: assigns it to every ACTIVE campaign whose auto-assign rule matches its source
 * and whose cap is not reached (the store keeps the cap exact under concurrency), enrolls it in each
 * such campaign's sequence, and moves it to IN_PROGRESS when it belongs to at least one campaign.
 * Idempotent: routing a lead again assigns and enrolls nothing twice, so an interrupted routing can
 * be finished by routing again.
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
            Assignment a = ctx.store().assignLead(c.id(), lead.id(), c.autoAssign().maxLeads(), now);
            if (a == Assignment.CAP_REACHED) {
                continue;
            }
            member = true;
            EnrollResult r = enroller.enroll(sequences.sequenceFor(c, config), lead.id(), c.id(), now);
            boolean enrolled = r.outcome() == EnrollResult.Outcome.ENROLLED;
            r.enrollment().filter(e -> enrolled).ifPresent(e -> enrollments.add(e.id()));
            if (a == Assignment.ASSIGNED || enrolled) {
                joined.add(c.id());
            }
        }
        if (member && lead.status() == LeadStatus.NEW) {
            try {
                ctx.store().updateLeadStatus(lead.id(), LeadStatus.IN_PROGRESS, now);
            } catch (IllegalStateTransitionException alreadyFurther) {
                // A concurrent tick contacted the lead (or it converted) meanwhile: it is past IN_PROGRESS.
            }
        }
        return new Routed(joined, enrollments);
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
