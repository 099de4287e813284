package io.retentioncenter.core.contact;

import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.internal.Attempts;
import io.retentioncenter.core.internal.ComposedMessage;
import io.retentioncenter.core.internal.ConfigSnapshot;
import io.retentioncenter.core.internal.ContactPolicy;
import io.retentioncenter.core.internal.EngineContext;
import io.retentioncenter.core.internal.MessageComposer;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.lead.Lead;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Routes one contact of a lead in a campaign on a channel: applies the {@link ContactPolicy}, picks
 * and renders the script (with the A/B variant), stores the attempt — PENDING when it may go now,
 * SCHEDULED at the next slot when outside hours or over a rate limit — and leaves it in the outbox
 * for the next {@code tick()} to hand to the channel's provider. Obtain it from
 * {@code engine.router()}.
 */
public final class ChannelRouter {
    private final EngineContext ctx;
    private final ContactPolicy policy;
    private final MessageComposer composer;
    private final Set<Channel> channelsWithProvider;

    /** Built by the engine. */
    public ChannelRouter(EngineContext ctx, ContactPolicy policy, MessageComposer composer,
            Set<Channel> channelsWithProvider) {
        this.ctx = ctx;
        this.policy = policy;
        this.composer = composer;
        this.channelsWithProvider = Set.copyOf(channelsWithProvider);
    }

    /**
     * Routes a direct contact (outside any sequence).
     *
     * @throws NotFoundException when the lead or campaign does not exist
     */
    public RouteResult routeContact(String leadId, String campaignId, Channel channel) {
        Require.text(leadId, "leadId");
        Require.text(campaignId, "campaignId");
        Require.present(channel, "channel");
        Lead lead = ctx.store().findLead(leadId).orElseThrow(() -> new NotFoundException("lead", leadId));
        ConfigSnapshot config = ctx.config().current();
        Campaign campaign = config.campaign(campaignId).orElseThrow(() -> new NotFoundException("campaign", campaignId));
        Instant now = ctx.now();
        return route(lead, campaign, channel, AttemptKind.DIRECT, Optional.empty(), "direct:" + lead.id() + ":"
                + campaign.id() + ":" + channel + ":" + now.toEpochMilli(), now, now, config);
    }

    /**
     * Routes an extra touch for an enrollment (re-engagement or callback) due at {@code dueAt}; the
     * idempotency {@code keySource} makes a repeated call insert nothing.
     */
    public RouteResult routeExtra(Lead lead, Campaign campaign, Channel channel, AttemptKind kind,
            Optional<String> enrollmentId, String keySource, Instant dueAt) {
        ConfigSnapshot config = ctx.config().current();
        return route(lead, campaign, channel, kind, enrollmentId, keySource, dueAt, ctx.now(), config);
    }

    private RouteResult route(Lead lead, Campaign campaign, Channel channel, AttemptKind kind,
            Optional<String> enrollmentId, String keySource, Instant dueAt, Instant now, ConfigSnapshot config) {
        if (!channelsWithProvider.contains(channel)) {
            return new RouteResult(RouteDecision.reject(now, RouteDecision.Reason.NO_PROVIDER), Optional.empty());
        }
        Optional<ComposedMessage> message = composer.compose(lead, campaign, channel, Optional.empty(), config);
        if (message.isEmpty()) {
            return new RouteResult(RouteDecision.reject(now, RouteDecision.Reason.NO_SCRIPT), Optional.empty());
        }
        RouteDecision decision = policy.decide(lead, campaign, channel, dueAt, true);
        if (decision.verdict() == RouteDecision.Verdict.REJECT) {
            return new RouteResult(decision, Optional.empty());
        }
        ContactAttempt attempt = Attempts.create(lead, campaign.id(), channel, kind, enrollmentId, Optional.empty(),
                keySource, message.get(), decision.at(), now);
        if (!ctx.store().insertAttempt(attempt, campaign.contactLimit())) {
            return new RouteResult(RouteDecision.reject(now, RouteDecision.Reason.CONTACT_LIMIT), Optional.empty());
        }
        return new RouteResult(decision, Optional.of(attempt));
    }
}
