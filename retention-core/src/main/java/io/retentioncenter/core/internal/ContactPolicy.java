package io.retentioncenter.core.internal;

import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.RateLimit;
import io.retentioncenter.core.campaign.Schedule;
import io.retentioncenter.core.contact.Channel;
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
 * lead's time zone when known, else the campaign's), the send-time advisor has no better slot, and
 * the campaign's rate limit for the channel has room. Outside hours or over a limit the contact is
 * deferred to the next slot, never dropped.
 */
public final class ContactPolicy {
    private static final int MAX_WINDOWS_AHEAD = 10_000;

    private final RetentionStore store;
    private final SendTimeAdvisor advisor;

    /** A policy reserving rate-limit slots in {@code store} and asking {@code advisor} for send times. */
    public ContactPolicy(RetentionStore store, SendTimeAdvisor advisor) {
        this.store = store;
        this.advisor = advisor;
    }

    /**
     * Decides for a contact due at {@code now}. A SEND decision has reserved its rate-limit slot.
     * With {@code reserveAhead}, a deferral also reserves the slot in the window it defers to (for
     * attempts stored as SCHEDULED); without it the caller re-decides at the deferred time.
     */
    public RouteDecision decide(Lead lead, Campaign campaign, Channel channel, Instant now, boolean reserveAhead) {
        if (!lead.status().contactable()) {
            return RouteDecision.reject(now, RouteDecision.Reason.NOT_CONTACTABLE);
        }
        if (lead.addressFor(channel).isEmpty()) {
            return RouteDecision.reject(now, RouteDecision.Reason.CHANNEL_NOT_VIABLE);
        }
        if (lead.contactCount() >= campaign.contactLimit()) {
            return RouteDecision.reject(now, RouteDecision.Reason.CONTACT_LIMIT);
        }
        ZoneId zone = lead.timezone().orElse(campaign.schedule().zone());
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
