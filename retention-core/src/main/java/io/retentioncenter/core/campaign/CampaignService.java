package io.retentioncenter.core.campaign;

import io.retentioncenter.core.ConflictException;
import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.internal.EngineContext;
import io.retentioncenter.core.internal.Ids;
import io.retentioncenter.core.internal.Require;
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
 * enrollment. Obtain it from {@code engine.campaigns()}.
 */
public final class CampaignService {
    private static final int PAGE = 500;
    private final EngineContext ctx;

    /** Built by the engine. */
    public CampaignService(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** Creates a campaign. */
    public Campaign create(NewCampaign spec) {
        return create(Ids.next("cmp"), spec);
    }

    /**
     * Creates the campaign declared under {@code key}, or brings an existing one up to {@code spec}
     * (name, assignment rule, schedule, limits, sequence, settings) while keeping its status, which
     * operators change with pause/resume/end. Idempotent: a host that declares its configuration at
     * every start gets one campaign, on every engine and after every restart. Its id is
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
        return update(new Campaign(id, spec.name(), c.status(), spec.autoAssign(), spec.schedule(), spec.rateLimits(),
                spec.contactLimit(), spec.sequenceId(), spec.settings(), c.createdAt(), c.updatedAt()));
    }

    private Campaign create(String id, NewCampaign spec) {
        Require.present(spec, "campaign");
        if (spec.status() == CampaignStatus.ENDED) {
            throw new ConflictException("a campaign cannot be created ENDED");
        }
        spec.sequenceId().ifPresent(seq -> ctx.config().current().sequence(seq)
                .orElseThrow(() -> new NotFoundException("sequence", seq)));
        Instant now = ctx.now();
        Campaign c = new Campaign(id, spec.name(), spec.status(), spec.autoAssign(), spec.schedule(),
                spec.rateLimits(), spec.contactLimit(), spec.sequenceId(), spec.settings(), now, now);
        ctx.store().saveCampaign(c);
        return c;
    }

    /** The campaign with {@code id}. */
    public Campaign get(String id) {
        return ctx.config().current().campaign(Require.text(id, "id"))
                .orElseThrow(() -> new NotFoundException("campaign", id));
    }

    /** All campaigns, oldest first. */
    public List<Campaign> list() {
        return ctx.config().current().campaigns().values().stream()
                .sorted(Comparator.comparing(Campaign::createdAt).thenComparing(Campaign::id)).toList();
    }

    /**
     * Replaces a campaign's definition (name, rules, schedule, limits, sequence, settings). Status
     * changes go through {@link #pause}, {@link #resume} and {@link #end}.
     */
    public Campaign update(Campaign changed) {
        Require.present(changed, "campaign");
        Campaign current = get(changed.id());
        if (changed.status() != current.status()) {
            throw new ConflictException("use pause/resume/end to change a campaign's status");
        }
        Campaign updated = new Campaign(current.id(), changed.name(), current.status(), changed.autoAssign(),
                changed.schedule(), changed.rateLimits(), changed.contactLimit(), changed.sequenceId(),
                changed.settings(), current.createdAt(), ctx.now());
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
