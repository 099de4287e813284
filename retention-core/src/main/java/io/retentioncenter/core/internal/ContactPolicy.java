package io.retentioncenter.core.internal;

import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.RateLimit;
import io.retentioncenter.core.campaign.Schedule;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.LeadPacing;
import io.retentioncenter.core.contact.PaceState;
import io.retentioncenter.core.contact.RouteDecision;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.spi.RetentionStore;
import io.retentioncenter.core.spi.SendTimeAdvisor;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The rules a contact must pass, in order: the lead is contactable, the channel is viable for it,
 * the per-lead contact limit is not reached, the campaign schedule allows the moment (in the
 * lead's time zone when known, else the campaign's), the send-time advisor has no better slot, the
 * campaign's rate limit for the channel has room, and the lead's pacing ({@link LeadPacing}) allows
 * another contact. Outside hours or over a limit the contact is deferred to the next slot, never
 * dropped.
 */
public final class ContactPolicy {
    private static final int MAX_WINDOWS_AHEAD = 10_000;
    /** Each refusal moves the time past the state that refused it; only engines racing for one lead repeat it. */
    private static final int MAX_PACED_TRIES = 100;

    private final RetentionStore store;
    private final SendTimeAdvisor advisor;
    private final Optional<LeadPacing> pacing;

    /**
     * A policy reserving rate-limit slots and pace in {@code store} and asking {@code advisor} for
     * send times; without {@code pacing} leads are not paced.
     */
    public ContactPolicy(RetentionStore store, SendTimeAdvisor advisor, Optional<LeadPacing> pacing) {
        this.store = store;
        this.advisor = advisor;
        this.pacing = pacing;
    }

    /**
     * Decides for a contact due at {@code now}. A SEND decision has reserved its rate-limit slot and
     * the lead's pace. With {@code reserveAhead}, a deferral also reserves both at the time it defers
     * to (for attempts stored as SCHEDULED); without it the caller re-decides at the deferred time.
     * Pace is taken last, once the rate limit has room, so that a refused pace wastes at most a rate
     * slot, never a contact of the lead.
     */
    public RouteDecision decide(Lead lead, Campaign campaign, Channel channel, Instant now, boolean reserveAhead) {
        RouteDecision decision = decideUnpaced(lead, campaign, channel, now, reserveAhead);
        if (pacing.isEmpty()) {
            return decision;
        }
        LeadPacing rules = pacing.get();
        ZoneId zone = lead.timezone().orElse(rules.zone());
        for (int i = 0; i < MAX_PACED_TRIES; i++) {
            boolean reserves = decision.verdict() == RouteDecision.Verdict.SEND
                    || decision.verdict() == RouteDecision.Verdict.DEFER && reserveAhead;
            if (!reserves) {
                return decision;
            }
            Instant at = decision.at();
            Optional<PaceState> refused = store.tryReservePace(lead.id(), at, LeadPacing.dayStart(at, zone),
                    rules.dailyCap(), rules.minGap());
            if (refused.isEmpty()) {
                return decision;
            }
            Instant paced = rules.nextAllowed(refused.get(), at, zone);
            if (!reserveAhead) {
                return RouteDecision.defer(campaign.schedule().nextAllowed(paced, campaignZone(lead, campaign)),
                        RouteDecision.Reason.PACED);
            }
            RouteDecision later = decideUnpaced(lead, campaign, channel, paced, true);
            decision = later.verdict() == RouteDecision.Verdict.REJECT ? later
                    : RouteDecision.defer(later.at(), RouteDecision.Reason.PACED);
        }
        return decision;
    }

    private static ZoneId campaignZone(Lead lead, Campaign campaign) {
        return lead.timezone().orElse(campaign.schedule().zone());
    }

    private RouteDecision decideUnpaced(Lead lead, Campaign campaign, Channel channel, Instant now,
            boolean reserveAhead) {
        if (!lead.status().contactable()) {
            return RouteDecision.reject(now, RouteDecision.Reason.NOT_CONTACTABLE);
        }
        if (lead.addressFor(channel).isEmpty()) {
            return RouteDecision.reject(now, RouteDecision.Reason.CHANNEL_NOT_VIABLE);
        }
        if (lead.contactCount() >= campaign.contactLimit()) {
            return RouteDecision.reject(now, RouteDecision.Reason.CONTACT_LIMIT);
        }
        ZoneId zone = campaignZone(lead, campaign);
        Schedule schedule = campaign.schedule();
        Instant slot = schedule.nextAllowed(now, zone);
        RouteDecision.Reason reason = slot.equals(now) ? RouteDecision.Reason.NONE
                : RouteDecision.Reason.OUTSIDE_SCHEDULE;
        Optional<Instant> advised = advisor.suggest(lead, campaign, channel, slot)
                .filter(t -> t.isAfter(slot) && schedule.allows(t, zone));
        if (advised.isPresent()) {
            return RouteDecision.defer(advised.get(), RouteDecision.Reason.BETTER_SLOT);
        }
        Optional<RateLimit> limit = campaign.rateLimit(channel);
        if (limit.isEmpty()) {
            return slot.equals(now) ? RouteDecision.send(now) : RouteDecision.defer(slot, reason);
        }
        if (!slot.equals(now) && !reserveAhead) {
            return RouteDecision.defer(slot, reason);
        }
        Instant candidate = slot;
        for (int i = 0; i < MAX_WINDOWS_AHEAD; i++) {
            if (store.tryReserveRate(campaign.id(), channel, limit.get().windowStart(candidate), limit.get().max())) {
                return candidate.equals(now) ? RouteDecision.send(now) : RouteDecision.defer(candidate, reason);
            }
            reason = RouteDecision.Reason.RATE_LIMITED;
            candidate = schedule.nextAllowed(limit.get().nextWindowStart(candidate), zone);
            if (!reserveAhead) {
                return RouteDecision.defer(candidate, reason);
            }
        }
        return RouteDecision.defer(candidate, RouteDecision.Reason.RATE_LIMITED);
    }
}
