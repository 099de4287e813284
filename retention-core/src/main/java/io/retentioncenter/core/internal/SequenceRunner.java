package io.retentioncenter.core.internal;

import io.retentioncenter.core.StoreException;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.contact.DispatchLease;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.RecordedSteps;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.StepOutcome;
import io.retentioncenter.core.sequence.TickResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tick: claims due enrollments in batches under a lease, plans each one, records every outcome
 * (attempt + execution + advanced enrollment) in one store call per batch, with the attempts due now
 * recorded already claimed for this engine's dispatcher, then dispatches them and any other due
 * attempts (outbox). Loops until nothing is due or the per-tick batch limit is reached. A
 * batch that fails for a non-transient reason is retried item by item, and an enrollment that still
 * fails is set aside ({@link EnrollmentStatus#SET_ASIDE}) with its error, so the others proceed.
 * Safe to run on several engine instances at once: claims and outcomes are lease-checked by the
 * store, and attempts are claimed before they are sent; for the same reasons the batches of one tick
 * may run on several workers at once.
 */
public final class SequenceRunner {
    private static final Logger log = LoggerFactory.getLogger(SequenceRunner.class);

    private final EngineContext ctx;
    private final StepPlanner planner;
    private final Dispatcher dispatcher;
    private final Housekeeping housekeeping;
    private final Reengagements reengagements;
    private final TickWorkers workers;

    /** Built by the engine. */
    public SequenceRunner(EngineContext ctx, io.retentioncenter.core.internal.ContactPolicy policy,
            io.retentioncenter.core.internal.MessageComposer composer,
            Set<io.retentioncenter.core.contact.Channel> channelsWithProvider, Dispatcher dispatcher,
            Housekeeping housekeeping, Reengagements reengagements) {
        this.ctx = ctx;
        this.reengagements = reengagements;
        this.planner = new StepPlanner(ctx.settings().instanceId(), policy, composer, channelsWithProvider,
                new StepTimings(ctx.store(), composer.picker()));
        this.dispatcher = dispatcher;
        this.housekeeping = housekeeping;
        this.workers = new TickWorkers(ctx.settings().tickConcurrency(), ctx.settings().instanceId());
    }

    /**
     * Runs one tick: re-engagement rules first, then due steps and due attempts, in batches on as many
     * workers at once as the engine's tick concurrency (see {@link TickWorkers}).
     */
    public TickResult tick() {
        long started = System.nanoTime();
        reengagements.evaluate(ctx.now());
        AtomicInteger batchesLeft = new AtomicInteger(ctx.settings().maxBatchesPerTick());
        Set<String> dispatchedThisTick = ConcurrentHashMap.newKeySet();
        TickCounter counter = workers.run(() -> drain(batchesLeft, dispatchedThisTick));
        housekeeping.purgeIfDue();
        TickResult result = counter.result();
        ctx.listener().tickCompleted(result, Duration.ofNanos(System.nanoTime() - started));
        return result;
    }

    /**
     * One worker's share of a tick: claims and processes batches while the tick's batch budget lasts,
     * until a batch finds nothing due to step or to send.
     */
    private TickCounter drain(AtomicInteger batchesLeft, Set<String> dispatchedThisTick) {
        TickCounter counter = new TickCounter();
        int batchSize = ctx.settings().batchSize();
        while (batchesLeft.getAndDecrement() > 0) {
            Instant now = ctx.now();
            List<SequenceEnrollment> claimed = ctx.store().claimDueEnrollments(now, batchSize,
                    ctx.settings().instanceId(), now.plus(ctx.settings().enrollmentLease()));
            counter.claimed += claimed.size();
            List<ContactAttempt> leased = new ArrayList<>();
            if (!claimed.isEmpty()) {
                try {
                    processIsolatingPoison(claimed, now, counter, leased);
                } catch (RuntimeException failure) {
                    sendBeforeFailing(leased, dispatchedThisTick, failure);
                    throw failure;
                }
            }
            var dispatched = dispatcher.dispatchDue(batchSize, dispatchedThisTick, leased);
            counter.add(dispatched);
            if (claimed.isEmpty() && dispatched.total() == 0) {
                break;
            }
        }
        return counter;
    }

    /**
     * Sends the attempts recorded already claimed before a failure of the batch propagates, so they
     * do not wait for their lease to expire (and then count as interrupted).
     */
    private void sendBeforeFailing(List<ContactAttempt> leased, Set<String> handled, RuntimeException failure) {
        if (leased.isEmpty()) {
            return;
        }
        try {
            dispatcher.sendLeased(leased, handled);
        } catch (RuntimeException alsoFailed) {
            failure.addSuppressed(alsoFailed);
        }
    }

    /**
     * Processes the batch; when it fails for a reason other than a transient store fault, processes
     * each enrollment on its own and sets aside the ones that still fail, so one poison enrollment
     * never stops the others. A transient fault propagates: the claims' leases expire and a later
     * tick takes the enrollments again.
     */
    private void processIsolatingPoison(List<SequenceEnrollment> claimed, Instant now, TickCounter counter,
            List<ContactAttempt> leased) {
        try {
            process(claimed, now, counter, leased);
            return;
        } catch (RuntimeException batchFailure) {
            rethrowIfTransient(batchFailure);
            if (claimed.size() > 1) {
                log.warn("a batch of {} enrollments failed ({}); processing them one by one", claimed.size(),
                        ErrorText.describe(batchFailure));
            } else {
                setAside(claimed.get(0), batchFailure, now, counter, leased);
                return;
            }
        }
        for (SequenceEnrollment e : claimed) {
            try {
                process(List.of(e), now, counter, leased);
            } catch (RuntimeException itemFailure) {
                rethrowIfTransient(itemFailure);
                setAside(e, itemFailure, now, counter, leased);
            }
        }
    }

    private static void rethrowIfTransient(RuntimeException e) {
        if (e instanceof StoreException store && store.isTransient()) {
            throw e;
        }
    }

    private void setAside(SequenceEnrollment e, RuntimeException error, Instant now, TickCounter counter,
            List<ContactAttempt> leased) {
        String why = ErrorText.describe(error);
        PlannedStep plan = planner.setAside(e, why, now);
        try {
            int before = counter.setAside;
            apply(List.of(plan), now, counter, leased);
            if (counter.setAside > before) {
                log.warn("enrollment {} set aside: {}", e.id(), why);
                ctx.listener().enrollmentSetAside(plan.outcome().updated(), why);
            }
        } catch (RuntimeException cannotRecord) {
            rethrowIfTransient(cannotRecord);
            log.error("enrollment {} keeps failing ({}) and could not be set aside either", e.id(), why,
                    cannotRecord);
            ctx.listener().error("setAside", cannotRecord);
        }
    }

    private void process(List<SequenceEnrollment> claimed, Instant now, TickCounter counter,
            List<ContactAttempt> leased) {
        ConfigSnapshot config = ctx.config().current();
        Map<String, Lead> leads = ctx.store().findLeads(claimed.stream().map(SequenceEnrollment::leadId)
                .collect(Collectors.toSet()));
        Map<String, List<ContactAttempt>> earlier = attemptsForConditions(claimed, config);
        List<PlannedStep> plans = new ArrayList<>(claimed.size());
        for (SequenceEnrollment e : claimed) {
            plans.add(planner.plan(e, Optional.ofNullable(leads.get(e.leadId())),
                    earlier.getOrDefault(e.id(), List.of()), config, now));
        }
        List<PlannedStep> retry = apply(plans, now, counter, leased);
        if (!retry.isEmpty()) {
            Map<String, Lead> fresh = ctx.store().findLeads(retry.stream()
                    .map(p -> p.outcome().updated().leadId()).collect(Collectors.toSet()));
            List<PlannedStep> exits = new ArrayList<>();
            for (PlannedStep p : retry) {
                SequenceEnrollment e = p.outcome().updated();
                SequenceEnrollment original = claimed.stream().filter(c -> c.id().equals(e.id())).findFirst()
                        .orElseThrow();
                Campaign campaign = config.campaign(original.campaignId()).orElseThrow();
                Lead lead = fresh.get(original.leadId());
                exits.add(lead == null ? planner.contactLimitExit(original, campaign, now)
                        : planner.endedFor(original, lead, campaign, now)
                                .orElseGet(() -> planner.contactLimitExit(original, campaign, now)));
            }
            apply(exits, now, counter, leased);
        }
    }

    /**
     * Records the plans, the attempts due now already claimed for this engine's dispatcher (added to
     * {@code leased}); returns the plans rejected as NOT_CONTACTABLE (to be re-planned as exits).
     */
    private List<PlannedStep> apply(List<PlannedStep> plans, Instant now, TickCounter counter,
            List<ContactAttempt> leased) {
        RecordedSteps recorded = ctx.store().recordStepOutcomes(plans.stream().map(PlannedStep::outcome).toList(),
                new DispatchLease(ctx.settings().instanceId(), now, now.plus(ctx.settings().dispatchLease())));
        leased.addAll(recorded.leased());
        List<StepOutcome.Result> results = recorded.results();
        List<PlannedStep> notContactable = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            PlannedStep p = plans.get(i);
            switch (results.get(i)) {
                case APPLIED -> {
                    counter.count(p.kind());
                    p.outcome().execution().ifPresent(ctx.listener()::stepProcessed);
                }
                case STALE -> counter.stale++;
                case NOT_CONTACTABLE -> notContactable.add(p);
            }
        }
        return notContactable;
    }

    private Map<String, List<ContactAttempt>> attemptsForConditions(List<SequenceEnrollment> claimed,
            ConfigSnapshot config) {
        List<String> ids = claimed.stream()
                .filter(e -> config.sequence(e.sequenceId()).flatMap(s -> s.step(e.currentStep()))
                        .filter(step -> !step.conditions().isEmpty()).isPresent())
                .map(SequenceEnrollment::id).toList();
        return ids.isEmpty() ? Map.of() : ctx.store().attemptsOfEnrollments(ids);
    }
}
