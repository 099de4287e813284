package io.retentioncenter.core.campaign;

import io.retentioncenter.core.ConflictException;
import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.internal.EngineContext;
import io.retentioncenter.core.internal.Ids;
import io.retentioncenter.core.internal.LeadRouting;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.sequence.EnrollmentQuery;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExitReason;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Campaign management. Pausing holds the campaign's enrollments at their next tick; resuming
 * spreads steps that became overdue while paused over the engine's resume window (never faster than
 * the campaign's tightest rate limit) instead of firing them at once; ending exits every running
 * enrollment; deleting keeps the campaign's history. The campaign page's calls are here too: its
 * lead list, manual assignment and removal of a lead, and its results. Obtain it from
 * {@code engine.campaigns()}.
 */
public final class CampaignService {
    private static final int PAGE = 500;
    private final EngineContext ctx;
    private final LeadRouting routing;

    /** Built by the engine. */
    public CampaignService(EngineContext ctx, LeadRouting routing) {
        this.ctx = ctx;
        this.routing = routing;
    }

    /** Creates a campaign. */
    public Campaign create(NewCampaign spec) {
        return create(Ids.next("cmp"), spec);
    }

    /**
     * Creates the campaign declared under {@code key}, or brings an existing one up to {@code spec}
     * (name, assignment rule, schedule, limits, sequence, settings, description) while keeping its
     * status, which operators change with pause/resume/end; a campaign an operator deleted stays
     * deleted and is returned as it is. Idempotent: a host that declares its configuration at every
     * start gets one campaign, on every engine and after every restart. Its id is
     * {@code "cmp." + key}.
     *
     * @throws io.retentioncenter.core.ValidationException when the key or the spec is invalid
     */
    public Campaign declare(String key, NewCampaign spec) {
        String id = Ids.declared("cmp", key);
        Require.present(spec, "campaign");
        Optional<Campaign> existing = ctx.store().findCampaign(id);
        if (existing.isEmpty()) {
            return create(id, spec);
        }
        Campaign c = existing.get();
        if (c.status() == CampaignStatus.DELETED) {
            return c;
        }
        return update(new Campaign(id, spec.name(), c.status(), spec.autoAssign(), spec.schedule(), spec.rateLimits(),
                spec.contactLimit(), spec.sequenceId(), spec.settings(), c.createdAt(), c.updatedAt(),
                spec.description()));
    }

    private Campaign create(String id, NewCampaign spec) {
        Require.present(spec, "campaign");
        if (spec.status().isOver()) {
            throw new ConflictException("a campaign cannot be created " + spec.status());
        }
        spec.sequenceId().ifPresent(seq -> ctx.config().current().sequence(seq)
                .orElseThrow(() -> new NotFoundException("sequence", seq)));
        Instant now = ctx.now();
        Campaign c = new Campaign(id, spec.name(), spec.status(), spec.autoAssign(), spec.schedule(),
                spec.rateLimits(), spec.contactLimit(), spec.sequenceId(), spec.settings(), now, now,
                spec.description());
        ctx.store().saveCampaign(c);
        return c;
    }

    /** The campaign with {@code id}, a DELETED one included. */
    public Campaign get(String id) {
        return ctx.config().current().campaign(Require.text(id, "id"))
                .orElseThrow(() -> new NotFoundException("campaign", id));
    }

    /** All campaigns but DELETED ones, oldest first. */
    public List<Campaign> list() {
        return ctx.config().current().campaigns().values().stream()
                .filter(c -> c.status() != CampaignStatus.DELETED)
                .sorted(Comparator.comparing(Campaign::createdAt).thenComparing(Campaign::id)).toList();
    }

    /**
     * Replaces a campaign's definition (name, rules, schedule, limits, sequence, settings,
     * description). Status changes go through {@link #pause}, {@link #resume}, {@link #end} and
     * {@link #delete}.
     */
    public Campaign update(Campaign changed) {
        Require.present(changed, "campaign");
        Campaign current = get(changed.id());
        if (current.status() == CampaignStatus.DELETED) {
            throw new ConflictException("campaign " + current.id() + " is deleted");
        }
        if (changed.status() != current.status()) {
            throw new ConflictException("use pause/resume/end to change a campaign's status");
        }
        Campaign updated = new Campaign(current.id(), changed.name(), current.status(), changed.autoAssign(),
                changed.schedule(), changed.rateLimits(), changed.contactLimit(), changed.sequenceId(),
                changed.settings(), current.createdAt(), ctx.now(), changed.description());
        ctx.store().saveCampaign(updated);
        return updated;
    }

    /** Pauses a campaign: nothing is sent for it until it resumes. */
    public Campaign pause(String id) {
        return changeStatus(get(id), CampaignStatus.PAUSED);
    }

    /** Resumes a paused campaign, spreading overdue steps over the resume window. */
    public Campaign resume(String id) {
        Campaign c = changeStatus(get(id), CampaignStatus.ACTIVE);
        Instant now = ctx.now();
        List<SequenceEnrollment> held = all(EnrollmentQuery.all().withCampaign(id).withStatus(EnrollmentStatus.PAUSED));
        held.sort(Comparator.comparing(SequenceEnrollment::nextExecuteAt).thenComparing(SequenceEnrollment::id));
        long overdue = held.stream().filter(e -> !e.nextExecuteAt().isAfter(now)).count();
        Duration spacing = spacing(c, overdue);
        int i = 0;
        for (SequenceEnrollment e : held) {
            Instant due = e.nextExecuteAt().isAfter(now) ? e.nextExecuteAt() : now.plus(spacing.multipliedBy(i++));
            ctx.store().updateEnrollment(e.withStatus(EnrollmentStatus.ACTIVE, due, now), EnrollmentStatus.PAUSED);
        }
        return c;
    }

    /** Ends a campaign for good: every running enrollment exits with CAMPAIGN_ENDED. */
    public Campaign end(String id) {
        Campaign c = changeStatus(get(id), CampaignStatus.ENDED);
        Instant now = ctx.now();
        for (EnrollmentStatus status : List.of(EnrollmentStatus.ACTIVE, EnrollmentStatus.PAUSED)) {
            for (SequenceEnrollment e : all(EnrollmentQuery.all().withCampaign(id).withStatus(status))) {
                ctx.store().updateEnrollment(e.finished(EnrollmentStatus.EXITED, Optional.of(ExitReason.CAMPAIGN_ENDED),
                        now), status);
            }
        }
        return c;
    }

    /**
     * Deletes a campaign that is not ACTIVE: a PAUSED one is ended first (its enrollments exit with
     * CAMPAIGN_ENDED), then it becomes DELETED. Nothing is deleted from the store: the campaign stays
     * readable by {@link #get} (left out of {@link #list}), and its members, attempts, conversions
     * and statistics stay queryable. Deleting a DELETED campaign changes nothing.
     *
     * @throws ConflictException when the campaign is ACTIVE (pause or end it first)
     */
    public Campaign delete(String id) {
        Campaign c = get(id);
        if (c.status() == CampaignStatus.ACTIVE) {
            throw new ConflictException("campaign " + c.id() + " is ACTIVE; pause or end it before deleting it");
        }
        if (c.status() == CampaignStatus.DELETED) {
            return c;
        }
        Campaign ended = c.status() == CampaignStatus.ENDED ? c : end(c.id());
        return changeStatus(ended, CampaignStatus.DELETED);
    }

    /**
     * The campaign's leads with their membership, in {@code status} when given (ACTIVE members or the
     * ones an operator removed), in assignment order.
     */
    public Page<CampaignMember> members(String campaignId, Optional<MemberStatus> status, PageRequest page) {
        return ctx.store().listCampaignMembers(get(campaignId).id(), Require.present(status, "status"),
                Require.present(page, "page"));
    }

    /**
     * Assigns a lead to the campaign by hand, under the campaign's lead cap ({@code maxLeads} of its
     * auto-assign rule), and enrolls it in the campaign's sequence as routing does; assigning a member
     * again changes nothing (ALREADY_ASSIGNED).
     *
     * @throws NotFoundException when the campaign or the lead does not exist
     * @throws ConflictException when the campaign is over, its cap is reached, or an operator removed
     *     the lead from it
     */
    public Assignment assign(String campaignId, String leadId) {
        Campaign c = get(campaignId);
        Lead lead = ctx.store().findLead(Require.text(leadId, "leadId"))
                .orElseThrow(() -> new NotFoundException("lead", leadId));
        if (c.status().isOver()) {
            throw new ConflictException("campaign " + c.id() + " is " + c.status());
        }
        LeadRouting.Joined joined = routing.join(c, lead.id(), ctx.config().current(), ctx.now());
        switch (joined.assignment()) {
            case CAP_REACHED -> throw new ConflictException("campaign " + c.id() + " holds its cap of "
                    + c.autoAssign().maxLeads().orElse(0) + " leads");
            case REMOVED -> throw new ConflictException("lead " + lead.id() + " was removed from campaign " + c.id());
            default -> routing.markInProgress(lead, ctx.now());
        }
        return joined.assignment();
    }

    /**
     * Takes a lead out of the campaign: its enrollments in the campaign exit with
     * REMOVED_FROM_CAMPAIGN and its unsent attempts of the campaign are cancelled, so nothing more is
     * sent to it for this campaign; the membership stays, REMOVED, for history.
     *
     * @return the number of enrollments that ended
     * @throws NotFoundException when the campaign does not exist or the lead was never in it
     * @throws ConflictException when the lead was removed already
     */
    public int remove(String campaignId, String leadId) {
        String id = get(campaignId).id();
        return ctx.store().removeCampaignMember(id, Require.text(leadId, "leadId"), ctx.now())
                .orElseThrow(() -> new ConflictException("lead " + leadId + " was removed from campaign " + id
                        + " already"));
    }

    /** The campaign's leads, contacts, conversions, conversion rate and revenue, in total and per channel. */
    public CampaignStats stats(String campaignId) {
        return ctx.store().campaignStats(get(campaignId).id());
    }

    private Duration spacing(Campaign c, long overdue) {
        Duration byWindow = overdue <= 1 ? Duration.ZERO : ctx.settings().resumeSpread().dividedBy(overdue);
        Duration byRate = c.rateLimits().values().stream()
                .map(r -> r.window().dividedBy(r.max()))
                .max(Comparator.naturalOrder()).orElse(Duration.ZERO);
        return byWindow.compareTo(byRate) >= 0 ? byWindow : byRate;
    }

    private List<SequenceEnrollment> all(EnrollmentQuery query) {
        List<SequenceEnrollment> out = new ArrayList<>();
        Page<SequenceEnrollment> page;
        int offset = 0;
        do {
            page = ctx.store().listEnrollments(query, new PageRequest(offset, PAGE));
            out.addAll(page.items());
            offset += PAGE;
        } while (page.hasMore());
        return out;
    }

    private Campaign changeStatus(Campaign c, CampaignStatus next) {
        Campaign updated = c.withStatus(next, ctx.now());
        ctx.store().saveCampaign(updated);
        return updated;
    }
}
