package io.retentioncenter.core.contact;

import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.engine.ConfigSnapshot;
import io.retentioncenter.core.engine.EngineContext;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.script.Script;
import io.retentioncenter.core.script.ScriptVariables;
import io.retentioncenter.core.sequence.SequenceStep;
import io.retentioncenter.core.spi.ChannelProvider;
import io.retentioncenter.core.spi.OutboundMessage;
import io.retentioncenter.core.spi.SendResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox: hands due attempts to their providers after their state is committed. Each attempt is
 * claimed (PENDING/SCHEDULED → DISPATCHING under a lease) before its provider is called, so no two
 * dispatchers send it. Sends run in parallel up to the engine's dispatch concurrency. A retryable
 * failure goes back to PENDING with the next try number (and so a new idempotency key) after a
 * backoff, up to the step's {@code maxRetries}; then the attempt and its step are FAILED. A send
 * whose answer is lost (provider timeout, or a dispatcher that died, found by its expired lease) is
 * re-sent with the same key only if the provider declares idempotent sends, else marked UNKNOWN.
 */
public final class Dispatcher {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final EngineContext ctx;
    private final Map<Channel, ChannelProvider> providers;
    private final Semaphore inFlight;

    /** Built by the engine. */
    public Dispatcher(EngineContext ctx, Map<Channel, ChannelProvider> providers) {
        this.ctx = ctx;
        this.providers = Map.copyOf(providers);
        this.inFlight = new Semaphore(ctx.settings().dispatchConcurrency());
    }

    /** Dispatches up to {@code limit} due attempts (stale dispatches first) and waits for their outcomes. */
    public DispatchCounts dispatchDue(int limit) {
        Instant now = ctx.now();
        String owner = ctx.settings().instanceId();
        Instant leaseUntil = now.plus(ctx.settings().dispatchLease());
        DispatchCounts counts = recoverStale(now, limit, owner, leaseUntil);
        List<ContactAttempt> claimed = ctx.store().claimDispatchable(now, limit, owner, leaseUntil);
        return counts.plus(sendAll(claimed, now));
    }

    private DispatchCounts recoverStale(Instant now, int limit, String owner, Instant leaseUntil) {
        List<ContactAttempt> stale = ctx.store().claimStaleDispatches(now, limit, owner, leaseUntil);
        List<ContactAttempt> resend = new ArrayList<>();
        List<DispatchCompletion> unknown = new ArrayList<>();
        for (ContactAttempt a : stale) {
            ChannelProvider provider = providers.get(a.channel());
            if (provider != null && provider.idempotentSends()) {
                resend.add(a);
            } else {
                String name = provider == null ? "none" : provider.name();
                unknown.add(completion(Attempts.ended(a, AttemptStatus.UNKNOWN, name,
                        "dispatch interrupted; outcome unknown", now), false));
            }
        }
        complete(unknown);
        return new DispatchCounts(0, 0, 0, unknown.size()).plus(sendAll(resend, now));
    }

    private DispatchCounts sendAll(List<ContactAttempt> attempts, Instant now) {
        if (attempts.isEmpty()) {
            return DispatchCounts.NONE;
        }
        ConfigSnapshot config = ctx.config().current();
        Map<String, Lead> leads = ctx.store().findLeads(attempts.stream().map(ContactAttempt::leadId)
                .collect(Collectors.toSet()));
        List<CompletableFuture<Outcome>> pending = new ArrayList<>(attempts.size());
        for (ContactAttempt a : attempts) {
            pending.add(sendOne(a, leads.get(a.leadId()), config));
        }
        List<DispatchCompletion> completions = new ArrayList<>(attempts.size());
        for (int i = 0; i < pending.size(); i++) {
            completions.add(record(attempts.get(i), pending.get(i).join(), config, now));
        }
        complete(completions);
        int sent = 0;
        int retried = 0;
        int failed = 0;
        int unknown = 0;
        for (DispatchCompletion c : completions) {
            switch (c.updated().status()) {
                case SENT -> sent++;
                case PENDING -> retried++;
                case UNKNOWN -> unknown++;
                case CANCELLED -> {
                }
                default -> failed++;
            }
        }
        return new DispatchCounts(sent, retried, failed, unknown);
    }

    /** A provider's answer, the lack of one, or the reason the attempt was withdrawn before sending. */
    private record Outcome(String provider, Optional<SendResult> result, boolean timedOut, boolean idempotent,
            Optional<String> withdrawn) {
        Outcome(String provider, Optional<SendResult> result, boolean timedOut, boolean idempotent) {
            this(provider, result, timedOut, idempotent, Optional.empty());
        }
    }

    /** Why an attempt must not go out any more: the lead left outreach or the campaign ended. */
    private static Optional<String> withdrawalReason(ContactAttempt a, Lead lead, ConfigSnapshot config) {
        if (!lead.status().contactable()) {
            return Optional.of("withdrawn: lead is " + lead.status());
        }
        boolean ended = config.campaign(a.campaignId())
                .filter(c -> c.status() == io.retentioncenter.core.campaign.CampaignStatus.ENDED).isPresent();
        return ended ? Optional.of("withdrawn: campaign ended") : Optional.empty();
    }

    private CompletableFuture<Outcome> sendOne(ContactAttempt a, Lead lead, ConfigSnapshot config) {
        ChannelProvider provider = providers.get(a.channel());
        if (provider == null || lead == null) {
            String why = provider == null ? "no provider configured for " + a.channel() : "lead not found";
            return CompletableFuture.completedFuture(new Outcome(provider == null ? "none" : provider.name(),
                    Optional.of(SendResult.permanentFailure(why)), false, false));
        }
        Optional<String> withdrawn = withdrawalReason(a, lead, config);
        if (withdrawn.isPresent()) {
            return CompletableFuture.completedFuture(new Outcome(provider.name(), Optional.empty(), false, false,
                    withdrawn));
        }
        OutboundMessage message = message(a, lead, config);
        inFlight.acquireUninterruptibly();
        CompletableFuture<SendResult> call;
        try {
            call = provider.send(message).toCompletableFuture();
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        return call.orTimeout(ctx.settings().dispatchTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((result, error) -> {
                    inFlight.release();
                    if (error == null && result != null) {
                        return new Outcome(provider.name(), Optional.of(result), false, provider.idempotentSends());
                    }
                    Throwable cause = error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    if (cause instanceof TimeoutException) {
                        return new Outcome(provider.name(), Optional.empty(), true, provider.idempotentSends());
                    }
                    log.warn("provider {} threw for attempt {}", provider.name(), a.id(), cause);
                    ctx.listener().error("dispatch", cause == null ? new IllegalStateException("null result") : cause);
                    return new Outcome(provider.name(), Optional.of(SendResult.retryableFailure(
                            "provider error: " + (cause == null ? "null result" : cause.getClass().getSimpleName()),
                            Optional.empty())), false, provider.idempotentSends());
                });
    }

    private OutboundMessage message(ContactAttempt a, Lead lead, ConfigSnapshot config) {
        Optional<Campaign> campaign = config.campaign(a.campaignId());
        Map<String, String> settings = new HashMap<>(campaign.map(Campaign::settings).orElse(Map.of()));
        a.scriptId().flatMap(config::script).map(Script::settings).ifPresent(settings::putAll);
        Map<String, String> variables = campaign.map(c -> ScriptVariables.of(lead, c)).orElse(Map.of());
        return new OutboundMessage(a.id(), a.idempotencyKey(), a.leadId(), a.campaignId(), a.channel(), a.recipient(),
                lead.firstName(), lead.lastName(), a.subject(), a.body(), variables, settings, a.variant());
    }

    private DispatchCompletion record(ContactAttempt a, Outcome outcome, ConfigSnapshot config, Instant now) {
        ContactAttempt updated;
        boolean stepFailed = false;
        if (outcome.withdrawn().isPresent()) {
            updated = Attempts.ended(a, AttemptStatus.CANCELLED, outcome.provider(), outcome.withdrawn().get(), now);
        } else if (outcome.timedOut()) {
            updated = outcome.idempotent()
                    ? Attempts.requeue(a, now, "provider timed out; re-sending with the same key", now)
                    : Attempts.ended(a, AttemptStatus.UNKNOWN, outcome.provider(), "provider timed out", now);
        } else {
            SendResult r = outcome.result().orElseThrow();
            if (r.accepted()) {
                updated = Attempts.sent(a, outcome.provider(), r.providerRef().orElse(a.id()), now);
            } else if (r.retryable() && a.tryNumber() <= maxRetries(a, config)) {
                Duration wait = r.retryAfter().filter(d -> !d.isNegative())
                        .orElse(ctx.settings().retryBackoff().multipliedBy(1L << Math.min(a.tryNumber() - 1, 16)));
                updated = Attempts.nextTry(a, now.plus(wait), r.error().orElse("failed"), now);
            } else {
                updated = Attempts.ended(a, AttemptStatus.FAILED, outcome.provider(), r.error().orElse("failed"), now);
                stepFailed = a.kind() == AttemptKind.SEQUENCE_STEP;
            }
        }
        return completion(updated, stepFailed);
    }

    private int maxRetries(ContactAttempt a, ConfigSnapshot config) {
        if (a.enrollmentId().isEmpty() || a.stepOrder().isEmpty()) {
            return ctx.settings().defaultMaxRetries();
        }
        return ctx.store().findEnrollment(a.enrollmentId().get())
                .flatMap(e -> config.sequence(e.sequenceId()))
                .flatMap(s -> s.step(a.stepOrder().get()))
                .map(SequenceStep::maxRetries)
                .orElse(ctx.settings().defaultMaxRetries());
    }

    private DispatchCompletion completion(ContactAttempt updated, boolean stepFailed) {
        return new DispatchCompletion(ctx.settings().instanceId(), updated, stepFailed);
    }

    private void complete(List<DispatchCompletion> completions) {
        if (completions.isEmpty()) {
            return;
        }
        List<Boolean> applied = ctx.store().completeDispatches(completions);
        for (int i = 0; i < completions.size(); i++) {
            if (applied.get(i)) {
                ctx.listener().attemptDispatched(completions.get(i).updated());
            } else {
                log.debug("attempt {} was taken over before its dispatch completed", completions.get(i).updated().id());
            }
        }
    }
}
