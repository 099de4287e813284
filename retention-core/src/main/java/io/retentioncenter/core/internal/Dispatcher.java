package io.retentioncenter.core.internal;

import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.contact.AttemptKind;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.contact.DispatchCompletion;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.script.Script;
import io.retentioncenter.core.script.ScriptVariables;
import io.retentioncenter.core.sequence.SequenceStep;
import io.retentioncenter.core.spi.ChannelProvider;
import io.retentioncenter.core.spi.OutboundMessage;
import io.retentioncenter.core.spi.SendOutcome;
import io.retentioncenter.core.spi.SendResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox: hands due attempts to their providers after their state is committed. Each attempt is
 * claimed (PENDING/SCHEDULED → DISPATCHING under a lease) before its provider is called, so no two
 * dispatchers send it; attempts a tick records due now come already claimed for this engine. Sends run on the dispatcher's own threads, in parallel up to the engine's
 * dispatch concurrency, each bounded by the dispatch timeout (then cancelled).
 *
 * <p>Outcomes: ACCEPTED → SENT. A retryable REJECTED goes back to PENDING with the next try number
 * (and so a new idempotency key) after a backoff, up to the step's {@code maxRetries}; any other
 * rejection ends FAILED with its step. An UNKNOWN outcome (the provider's word, a timeout, a thrown
 * exception, or a dispatcher that died, found by its expired lease) is sent again only when the
 * provider {@linkplain ChannelProvider#idempotentSends() dedupes}, with the same key, after a
 * backoff and counted against the retries; otherwise, or when the retries are used up, the attempt
 * ends UNKNOWN for an operator to resolve. Only attempts due by the start of the tick are claimed,
 * so nothing is sent twice within one tick.
 */
public final class Dispatcher {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final EngineContext ctx;
    private final Map<Channel, ChannelProvider> providers;
    private final Semaphore inFlight;
    private final ExecutorService sendThreads;
    private final SendDeadlines deadlines;

    /** Built by the engine. */
    public Dispatcher(EngineContext ctx, Map<Channel, ChannelProvider> providers) {
        this.ctx = ctx;
        this.providers = Map.copyOf(providers);
        this.inFlight = new Semaphore(ctx.settings().dispatchConcurrency());
        this.sendThreads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "rc-dispatch-" + ctx.settings().instanceId());
            t.setDaemon(true);
            return t;
        });
        this.deadlines = new SendDeadlines(ctx.settings().dispatchTimeout(), sendThreads);
    }

    /**
     * Sends {@code leased} (attempts recorded already claimed by this engine) and up to {@code limit}
     * other due attempts (stale dispatches first), and waits for their outcomes, each at most the
     * dispatch timeout. An attempt whose id is in {@code handledThisTick}
     * (it was dispatched earlier in the same tick and is due again, a tick that outlasted a retry
     * backoff) is put back untouched; the ids dispatched now are added to the set.
     */
    public DispatchCounts dispatchDue(int limit, Set<String> handledThisTick, List<ContactAttempt> leased) {
        Instant now = ctx.now();
        String owner = ctx.settings().instanceId();
        Instant leaseUntil = now.plus(ctx.settings().dispatchLease());
        // the leased attempts go first: a failing claim below must not leave them waiting for their lease
        DispatchCounts counts = sendAll(leased, handledThisTick)
                .plus(recoverStale(now, limit, owner, leaseUntil, handledThisTick));
        List<ContactAttempt> claimed = ctx.store().claimDispatchable(now, limit, owner, leaseUntil);
        return counts.plus(sendAll(notHandledYet(claimed, handledThisTick, now), handledThisTick));
    }

    /** Sends attempts this engine holds the dispatch lease of already (recorded claimed), and waits for them. */
    public DispatchCounts sendLeased(List<ContactAttempt> leased, Set<String> handledThisTick) {
        return sendAll(leased, handledThisTick);
    }

    private List<ContactAttempt> notHandledYet(List<ContactAttempt> claimed, Set<String> handled, Instant now) {
        List<ContactAttempt> fresh = new ArrayList<>(claimed.size());
        List<DispatchCompletion> putBack = new ArrayList<>();
        for (ContactAttempt a : claimed) {
            if (handled.contains(a.id())) {
                putBack.add(completion(a.withStatus(AttemptStatus.PENDING, now), false));
            } else {
                fresh.add(a);
            }
        }
        if (!putBack.isEmpty()) {
            ctx.store().completeDispatches(putBack);
        }
        return fresh;
    }

    private DispatchCounts recoverStale(Instant now, int limit, String owner, Instant leaseUntil,
            Set<String> handled) {
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
        return new DispatchCounts(0, 0, 0, unknown.size()).plus(sendAll(resend, handled));
    }

    private DispatchCounts sendAll(List<ContactAttempt> attempts, Set<String> handled) {
        if (attempts.isEmpty()) {
            return DispatchCounts.NONE;
        }
        attempts.forEach(a -> handled.add(a.id()));
        ConfigSnapshot config = ctx.config().current();
        Map<String, Lead> leads = ctx.store().findLeads(attempts.stream().map(ContactAttempt::leadId)
                .collect(Collectors.toSet()));
        List<ProviderCall> calls = new ArrayList<>(attempts.size());
        List<CompletableFuture<Outcome>> pending = new ArrayList<>(attempts.size());
        List<DispatchCompletion> completions = new ArrayList<>(attempts.size());
        boolean finished = false;
        try {
            for (ContactAttempt a : attempts) {
                pending.add(sendOne(a, leadOf(a, leads), config, calls));
            }
            for (int i = 0; i < pending.size(); i++) {
                Outcome outcome = pending.get(i).join();
                completions.add(record(attempts.get(i), outcome, config, ctx.now()));
            }
            finished = true;
        } finally {
            if (!finished) {
                // the tick is failing: no send of this batch may start or go on unobserved; the
                // attempts stay DISPATCHING until their lease expires, then count as unknown
                calls.forEach(call -> call.abort(ctx.settings().dispatchTimeout()));
            }
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

    /** The attempt's lead; for a test send, the stand-in lead of its recipient. */
    private static Lead leadOf(ContactAttempt a, Map<String, Lead> leads) {
        return a.kind() == AttemptKind.TEST
                ? TestRecipient.lead(a.channel(), a.recipient(), Optional.empty(), Optional.empty(), a.createdAt())
                : leads.get(a.leadId());
    }

    /** A provider's answer (or the lack of one), or the reason the attempt was withdrawn before sending. */
    private record Outcome(String provider, boolean idempotent, SendResult result, Optional<String> withdrawn) {
        static Outcome answered(ChannelProvider provider, SendResult result) {
            return new Outcome(provider.name(), provider.idempotentSends(), result, Optional.empty());
        }
    }

    /**
     * Why an attempt must not go out any more: the lead left outreach or the campaign ended. A test
     * send goes to an operator, whatever became of the campaign.
     */
    private static Optional<String> withdrawalReason(ContactAttempt a, Lead lead, ConfigSnapshot config) {
        if (a.kind() == AttemptKind.TEST) {
            return Optional.empty();
        }
        if (!lead.status().contactable()) {
            return Optional.of("withdrawn: lead is " + lead.status());
        }
        boolean ended = config.campaign(a.campaignId())
                .filter(c -> c.status().isOver()).isPresent();
        return ended ? Optional.of("withdrawn: campaign ended") : Optional.empty();
    }

    private CompletableFuture<Outcome> sendOne(ContactAttempt a, Lead lead, ConfigSnapshot config,
            List<ProviderCall> calls) {
        ChannelProvider provider = providers.get(a.channel());
        if (provider == null || lead == null) {
            String why = provider == null ? "no provider configured for " + a.channel() : "lead not found";
            return CompletableFuture.completedFuture(new Outcome(provider == null ? "none" : provider.name(), false,
                    SendResult.permanentFailure(why), Optional.empty()));
        }
        Optional<String> withdrawn = withdrawalReason(a, lead, config);
        if (withdrawn.isPresent()) {
            return CompletableFuture.completedFuture(new Outcome(provider.name(), false, null, withdrawn));
        }
        OutboundMessage message = message(a, lead, config);
        inFlight.acquireUninterruptibly();
        Duration timeout = deadlines.timeout();
        ProviderCall providerCall;
        try {
            providerCall = ProviderCall.start(provider, message, sendThreads, deadlines);
        } catch (RuntimeException e) {
            inFlight.release();
            throw e;
        }
        calls.add(providerCall);
        return providerCall.result().handle((call, error) -> {
            inFlight.release();
            if (error == null && call.sendResult() != null) {
                return Outcome.answered(provider, call.sendResult());
            }
            if (error == null && call.timedOut()) {
                return Outcome.answered(provider, SendResult.unknown("no answer from " + provider.name()
                        + " within " + timeout.toMillis() + " ms"));
            }
            Throwable cause = error != null ? error : call.failure();
            log.warn("provider {} failed for attempt {}: {}", provider.name(), a.id(), String.valueOf(cause));
            ctx.listener().error("dispatch", cause);
            return Outcome.answered(provider, SendResult.unknown("provider error: "
                    + (cause == null ? "none" : cause.getClass().getSimpleName())));
        });
    }

    private OutboundMessage message(ContactAttempt a, Lead lead, ConfigSnapshot config) {
        Optional<Campaign> campaign = config.campaign(a.campaignId());
        Map<String, String> settings = settings(campaign.map(Campaign::settings).orElse(Map.of()),
                a.scriptId().flatMap(config::script).map(Script::settings).orElse(Map.of()));
        Map<String, String> variables = campaign.map(c -> ScriptVariables.of(lead, c, a.id())).orElse(Map.of());
        return new OutboundMessage(a.id(), a.idempotencyKey(), a.leadId(), a.campaignId(), a.channel(), a.recipient(),
                lead.firstName(), lead.lastName(), a.subject(), a.body(), variables, settings, a.variant());
    }

    /**
     * The campaign's settings overridden by the script's; one of the two (immutable, so not copied
     * again by the message) when the other is empty.
     */
    private static Map<String, String> settings(Map<String, String> campaign, Map<String, String> script) {
        if (script.isEmpty() || campaign.isEmpty()) {
            return script.isEmpty() ? campaign : script;
        }
        Map<String, String> merged = new HashMap<>(campaign);
        merged.putAll(script);
        return merged;
    }

    private DispatchCompletion record(ContactAttempt a, Outcome outcome, ConfigSnapshot config, Instant now) {
        if (outcome.withdrawn().isPresent()) {
            return completion(Attempts.ended(a, AttemptStatus.CANCELLED, outcome.provider(),
                    outcome.withdrawn().get(), now), false);
        }
        SendResult r = outcome.result();
        String error = r.error().orElse("failed");
        if (r.accepted()) {
            return completion(Attempts.sent(a, outcome.provider(), r.providerRef(), now), false);
        }
        // read only for sends that did not go through: it costs a store read per attempt
        boolean triesLeft = a.tryNumber() <= maxRetries(a, config);
        if (r.outcome() == SendOutcome.REJECTED) {
            return r.retryable() && triesLeft
                    ? completion(Attempts.nextTry(a, now.plus(retryWait(a, r)), error, now), false)
                    : completion(Attempts.ended(a, AttemptStatus.FAILED, outcome.provider(), error, now),
                            a.kind() == AttemptKind.SEQUENCE_STEP);
        }
        return outcome.idempotent() && triesLeft
                ? completion(Attempts.sameKeyRetry(a, now.plus(retryWait(a, r)),
                        error + "; sending again with the same key", now), false)
                : completion(Attempts.ended(a, AttemptStatus.UNKNOWN, outcome.provider(), error, now), false);
    }

    private Duration retryWait(ContactAttempt a, SendResult r) {
        return r.retryAfter().filter(d -> !d.isNegative() && !d.isZero())
                .orElse(ctx.settings().retryBackoff().multipliedBy(1L << Math.min(a.tryNumber() - 1, 16)));
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
                ContactAttempt updated = completions.get(i).updated();
                ctx.listener().attemptDispatched(updated);
                if (updated.status() == AttemptStatus.UNKNOWN) {
                    ctx.listener().attemptOutcomeUnknown(updated);
                }
            } else {
                log.debug("attempt {} was taken over before its dispatch completed", completions.get(i).updated().id());
            }
        }
    }
}
