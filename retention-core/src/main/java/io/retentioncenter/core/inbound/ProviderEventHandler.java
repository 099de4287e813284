package io.retentioncenter.core.inbound;

import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.contact.AttemptChange;
import io.retentioncenter.core.contact.AttemptKind;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ChannelRouter;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.contact.RouteResult;
import io.retentioncenter.core.internal.EngineContext;
import io.retentioncenter.core.internal.LogContext;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExitReason;
import java.time.Instant;
import java.util.Optional;

/**
 * Applies normalized provider events: moves the matched attempt forward (late and duplicate events
 * change nothing; an event that carries an attempt id or a provider reference is matched by those
 * only, the recipient's latest attempt is used only for events that name no message), applies opt-outs (lead DO_NOT_CONTACT, running enrollments EXITED, nothing sent
 * afterwards), and fires the smart re-engagement hooks: an opened email of a lead that has not
 * converted schedules one extra SMS for that enrollment; a "call back later" schedules a callback
 * call at the asked time. An event of a test send only moves the test attempt forward: it reached
 * an operator, not a lead. Every effect is idempotent, so a replayed event changes nothing.
 */
final class ProviderEventHandler {
    private final EngineContext ctx;
    private final ChannelRouter router;

    ProviderEventHandler(EngineContext ctx, ChannelRouter router) {
        this.ctx = ctx;
        this.router = router;
    }

    @SuppressWarnings("try") // the log context is used for its effect on the MDC
    ProviderEventResult apply(ProviderEvent event) {
        Optional<ContactAttempt> attempt = matchAttempt(event);
        try (LogContext ids = LogContext.of(attempt.map(ContactAttempt::leadId), attempt.map(ContactAttempt::id),
                attempt.flatMap(ContactAttempt::enrollmentId))) {
            return apply(event, attempt);
        }
    }

    private ProviderEventResult apply(ProviderEvent event, Optional<ContactAttempt> attempt) {
        // a test send reached an operator, not a lead: its status moves on, nothing else happens
        boolean test = attempt.filter(a -> a.kind() == AttemptKind.TEST).isPresent();
        Optional<Lead> lead = test ? Optional.empty() : attempt.map(ContactAttempt::leadId)
                .flatMap(ctx.store()::findLead).or(() -> event.recipient().flatMap(ctx.store()::findLeadByAddress));
        if (lead.isEmpty() && !test) {
            return result(event, ProviderEventResult.Outcome.UNMATCHED, attempt, lead, Optional.empty());
        }
        Instant now = ctx.now();
        boolean changed = false;
        Optional<String> followUp = Optional.empty();
        if (attempt.isPresent() && event.type().attemptStatus().isPresent()) {
            changed = ctx.store().advanceAttempt(new AttemptChange(attempt.get().id(),
                    event.type().attemptStatus().get(), event.providerRef(),
                    event.type() == ProviderEventType.FAILED ? event.detail() : Optional.empty(),
                    event.transcript(), event.keywords()), now).isPresent();
        }
        if (lead.isPresent()) {
            switch (event.type()) {
                case OPTED_OUT -> changed |= optOut(lead.get(), now);
                case OPENED, CLICKED -> followUp = attempt.flatMap(a -> reengage(a, lead.get(), now));
                case CALLBACK_REQUESTED -> followUp = attempt.flatMap(a -> callback(a, lead.get(), event, now));
                default -> {
                }
            }
        }
        boolean fresh = ctx.store().markEventProcessed(event.eventKey(), now);
        ProviderEventResult.Outcome outcome = (changed || followUp.isPresent()) && fresh
                ? ProviderEventResult.Outcome.APPLIED : ProviderEventResult.Outcome.NO_CHANGE;
        return result(event, outcome, attempt, lead, followUp);
    }

    private Optional<ContactAttempt> matchAttempt(ProviderEvent event) {
        Optional<ContactAttempt> byId = event.attemptId().flatMap(ctx.store()::findAttempt);
        if (byId.isPresent()) {
            return byId;
        }
        Optional<ContactAttempt> byRef = event.providerRef()
                .flatMap(ref -> ctx.store().findAttemptByProviderRef(event.provider(), ref));
        if (byRef.isPresent() || event.attemptId().isPresent() || event.providerRef().isPresent()) {
            return byRef; // an event that names its message is matched by that name only, never by the phone
        }
        return event.recipient().flatMap(ctx.store()::findLeadByAddress)
                .flatMap(l -> ctx.store().latestAttempt(l.id(), event.channel()));
    }

    private boolean optOut(Lead lead, Instant now) {
        if (lead.status() == LeadStatus.DO_NOT_CONTACT) {
            return false;
        }
        ctx.store().endOutreach(lead.id(), LeadStatus.DO_NOT_CONTACT, EnrollmentStatus.EXITED, ExitReason.OPTED_OUT,
                now);
        return true;
    }

    private Optional<String> reengage(ContactAttempt opened, Lead lead, Instant now) {
        if (opened.channel() != Channel.EMAIL || opened.enrollmentId().isEmpty() || !lead.status().contactable()
                || ctx.settings().reengageOpenedWithSms().isEmpty()) {
            return Optional.empty();
        }
        String enrollmentId = opened.enrollmentId().get();
        boolean running = ctx.store().findEnrollment(enrollmentId).filter(e -> !e.status().isFinal()).isPresent();
        if (!running) {
            return Optional.empty();
        }
        Instant due = now.plus(ctx.settings().reengageOpenedWithSms().get());
        return extra(opened, lead, Channel.SMS, AttemptKind.REENGAGEMENT, "reengage:" + enrollmentId, due);
    }

    private Optional<String> callback(ContactAttempt call, Lead lead, ProviderEvent event, Instant now) {
        if (!lead.status().contactable()) {
            return Optional.empty();
        }
        Instant asked = event.callbackAt().filter(t -> t.isAfter(now))
                .orElse(now.plus(ctx.settings().callbackDefaultDelay()));
        return extra(call, lead, Channel.CALL, AttemptKind.CALLBACK, "callback:" + call.id(), asked);
    }

    private Optional<String> extra(ContactAttempt cause, Lead lead, Channel channel, AttemptKind kind, String key,
            Instant due) {
        Optional<Campaign> campaign = ctx.config().current().campaign(cause.campaignId());
        if (campaign.isEmpty()) {
            return Optional.empty();
        }
        RouteResult routed = router.routeExtra(lead, campaign.get(), channel, kind, cause.enrollmentId(), key, due);
        return routed.attempt().map(ContactAttempt::id);
    }

    private static ProviderEventResult result(ProviderEvent event, ProviderEventResult.Outcome outcome,
            Optional<ContactAttempt> attempt, Optional<Lead> lead, Optional<String> followUp) {
        return new ProviderEventResult(event.eventKey(), outcome, attempt.map(ContactAttempt::id),
                lead.map(Lead::id), followUp);
    }
}
