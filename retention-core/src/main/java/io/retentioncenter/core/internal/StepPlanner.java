package io.retentioncenter.core.internal;

import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.CampaignStatus;
import io.retentioncenter.core.contact.AttemptKind;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.contact.RouteDecision;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExecutionStatus;
import io.retentioncenter.core.sequence.ExitReason;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.SequenceStatus;
import io.retentioncenter.core.sequence.SequenceStep;
import io.retentioncenter.core.sequence.SequenceStepExecution;
import io.retentioncenter.core.sequence.StepCondition;
import io.retentioncenter.core.sequence.StepConditions;
import io.retentioncenter.core.sequence.StepOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what happens to one claimed enrollment, without writing anything: exit (lead converted,
 * opted out or rejected; campaign ended; contact limit), hold (campaign paused, sequence archived),
 * complete (no step left), skip (condition false, channel not viable, no script or provider), defer
 * (outside hours, over a rate limit) or execute (a PENDING attempt). The delay of the next step
 * counts from this step's actual processing time; {@link StepTimings} plans it, with the lead's arm
 * when a timing test runs on that step.
 */
final class StepPlanner {
    private final String owner;
    private final ContactPolicy policy;
    private final MessageComposer composer;
    private final Set<Channel> channelsWithProvider;
    private final StepTimings timings;

    StepPlanner(String owner, ContactPolicy policy, MessageComposer composer, Set<Channel> channelsWithProvider,
            StepTimings timings) {
        this.owner = owner;
        this.policy = policy;
        this.composer = composer;
        this.channelsWithProvider = Set.copyOf(channelsWithProvider);
        this.timings = timings;
    }

    PlannedStep plan(SequenceEnrollment e, Optional<Lead> maybeLead, List<ContactAttempt> earlier,
            ConfigSnapshot config, Instant now) {
        Optional<Campaign> campaign = config.campaign(e.campaignId());
        Optional<RetentionSequence> sequence = config.sequence(e.sequenceId());
        if (maybeLead.isEmpty() || campaign.isEmpty() || sequence.isEmpty()) {
            return exit(e, Optional.empty(), EnrollmentStatus.EXITED, ExitReason.SEQUENCE_REMOVED, "missing:"
                    + (maybeLead.isEmpty() ? "lead" : campaign.isEmpty() ? "campaign" : "sequence"), now);
        }
        Lead lead = maybeLead.get();
        Optional<PlannedStep> ended = endedFor(e, lead, campaign.get(), now);
        if (ended.isPresent()) {
            return ended.get();
        }
        if (campaign.get().status() == CampaignStatus.PAUSED || sequence.get().status() != SequenceStatus.ACTIVE) {
            return new PlannedStep(outcome(e, e.withStatus(EnrollmentStatus.PAUSED, e.nextExecuteAt(), now),
                    Optional.empty(), Optional.empty(), campaign.get()), PlannedStep.Kind.HELD);
        }
        Optional<SequenceStep> step = sequence.get().step(e.currentStep());
        if (step.isEmpty()) {
            return new PlannedStep(outcome(e, e.finished(EnrollmentStatus.COMPLETED, Optional.empty(), now),
                    Optional.empty(), Optional.empty(), campaign.get()), PlannedStep.Kind.COMPLETED);
        }
        return planStep(e, lead, campaign.get(), sequence.get(), step.get(), earlier, config, now);
    }

    /** Exit outcome for a lead that may no longer be contacted, or for an ended campaign. */
    Optional<PlannedStep> endedFor(SequenceEnrollment e, Lead lead, Campaign campaign, Instant now) {
        return switch (lead.status()) {
            case CONVERTED -> Optional.of(exit(e, Optional.of(campaign), EnrollmentStatus.CONVERTED,
                    ExitReason.CONVERTED, "lead-converted", now));
            case DO_NOT_CONTACT -> Optional.of(exit(e, Optional.of(campaign), EnrollmentStatus.EXITED,
                    ExitReason.OPTED_OUT, "lead-opted-out", now));
            case REJECTED -> Optional.of(exit(e, Optional.of(campaign), EnrollmentStatus.EXITED, ExitReason.REJECTED,
                    "lead-rejected", now));
            default -> campaign.status().isOver()
                    ? Optional.of(exit(e, Optional.of(campaign), EnrollmentStatus.EXITED, ExitReason.CAMPAIGN_ENDED,
                            "campaign-ended", now))
                    : Optional.empty();
        };
    }

    /** Exit outcome when the lead hit the contact limit. */
    PlannedStep contactLimitExit(SequenceEnrollment e, Campaign campaign, Instant now) {
        return exit(e, Optional.of(campaign), EnrollmentStatus.EXITED, ExitReason.CONTACT_LIMIT, "contact-limit", now);
    }

    private PlannedStep planStep(SequenceEnrollment e, Lead lead, Campaign campaign, RetentionSequence sequence,
            SequenceStep step, List<ContactAttempt> earlier, ConfigSnapshot config, Instant now) {
        Planning p = new Planning(e, lead, campaign, sequence, config, now);
        if (!step.enabled()) {
            return skip(p, step, "step-disabled");
        }
        Optional<StepCondition> failing = StepConditions.firstFailing(step, lead, earlier);
        if (failing.isPresent()) {
            return skip(p, step, "condition:" + failing.get());
        }
        if (lead.addressFor(step.channel()).isEmpty()) {
            return skip(p, step, "channel-not-viable");
        }
        if (!channelsWithProvider.contains(step.channel())) {
            return skip(p, step, "no-provider");
        }
        Optional<ComposedMessage> message = composer.compose(lead, campaign, step.channel(), step.scriptId(), config);
        if (message.isEmpty()) {
            return skip(p, step, "no-script");
        }
        RouteDecision decision = policy.decide(lead, campaign, step.channel(), now, false);
        switch (decision.verdict()) {
            case REJECT -> {
                return decision.reason() == RouteDecision.Reason.CONTACT_LIMIT ? contactLimitExit(e, campaign, now)
                        : skip(p, step, decision.reason().name().toLowerCase());
            }
            case DEFER -> {
                // one row per deferred step, however often it is postponed: the id is the step's own
                SequenceStepExecution exec = new SequenceStepExecution("exe." + e.id() + "." + step.order() + ".deferred",
                        e.id(), e.sequenceId(), step.order(), ExecutionStatus.DEFERRED, Optional.empty(), now,
                        "deferred:" + decision.reason() + ":" + decision.at());
                return new PlannedStep(outcome(e, e.deferredTo(decision.at(), now), Optional.empty(),
                        Optional.of(exec), campaign), PlannedStep.Kind.DEFERRED);
            }
            default -> {
                ContactAttempt attempt = Attempts.create(lead, campaign.id(), step.channel(),
                        AttemptKind.SEQUENCE_STEP, Optional.of(e.id()), Optional.of(step.order()),
                        e.id() + ":" + step.order(), message.get(), now, now);
                SequenceStepExecution exec = execution(e, step, ExecutionStatus.EXECUTED, Optional.of(attempt.id()),
                        now, "attempt:" + attempt.id());
                return advance(p, Optional.of(attempt), exec, PlannedStep.Kind.EXECUTED);
            }
        }
    }

    private PlannedStep skip(Planning p, SequenceStep step, String why) {
        SequenceStepExecution exec = execution(p.e(), step, ExecutionStatus.SKIPPED, Optional.empty(), p.now(), why);
        return advance(p, Optional.empty(), exec, PlannedStep.Kind.SKIPPED);
    }

    /** Moves to the next step, planned by {@link StepTimings}, or completes when none is left. */
    private PlannedStep advance(Planning p, Optional<ContactAttempt> attempt, SequenceStepExecution exec,
            PlannedStep.Kind kind) {
        SequenceEnrollment e = p.e();
        Optional<SequenceStep> next = p.sequence().step(e.currentStep() + 1);
        if (next.isEmpty()) {
            SequenceEnrollment done = e.advanced(p.now(), p.now())
                    .finished(EnrollmentStatus.COMPLETED, Optional.empty(), p.now());
            return new PlannedStep(outcome(e, done, attempt, Optional.of(exec), p.campaign()), kind);
        }
        StepTimings.PlannedTiming timing = timings.plan(e, next.get(), p.lead(), p.campaign(), p.config(), p.now());
        return new PlannedStep(new StepOutcome(owner, e.currentStep(), e.advanced(p.now(), timing.dueAt()), attempt,
                Optional.of(exec), p.campaign().contactLimit(), timing.assignment()), kind);
    }

    /** What planning one step of one enrollment works with. */
    private record Planning(SequenceEnrollment e, Lead lead, Campaign campaign, RetentionSequence sequence,
            ConfigSnapshot config, Instant now) {
    }

    private PlannedStep exit(SequenceEnrollment e, Optional<Campaign> campaign, EnrollmentStatus status,
            ExitReason reason, String why, Instant now) {
        SequenceStepExecution exec = execution(e, e.currentStep(), ExecutionStatus.SKIPPED, Optional.empty(), now,
                "exit:" + why);
        int limit = campaign.map(Campaign::contactLimit).orElse(Campaign.DEFAULT_CONTACT_LIMIT);
        return new PlannedStep(new StepOutcome(owner, e.currentStep(), e.finished(status, Optional.of(reason), now),
                Optional.empty(), Optional.of(exec), limit), PlannedStep.Kind.EXITED);
    }

    private StepOutcome outcome(SequenceEnrollment e, SequenceEnrollment updated, Optional<ContactAttempt> attempt,
            Optional<SequenceStepExecution> exec, Campaign campaign) {
        return new StepOutcome(owner, e.currentStep(), updated, attempt, exec, campaign.contactLimit());
    }

    private static SequenceStepExecution execution(SequenceEnrollment e, SequenceStep step, ExecutionStatus status,
            Optional<String> attemptId, Instant now, String result) {
        return execution(e, step.order(), status, attemptId, now, result);
    }

    /**
     * The outcome that sets {@code e} aside (its due time kept, its lease released) with {@code error}
     * recorded as a SET_ASIDE execution of its current step.
     */
    PlannedStep setAside(SequenceEnrollment e, String error, Instant now) {
        SequenceStepExecution exec = execution(e, e.currentStep(), ExecutionStatus.SET_ASIDE, Optional.empty(), now,
                error);
        return new PlannedStep(new StepOutcome(owner, e.currentStep(),
                e.withStatus(EnrollmentStatus.SET_ASIDE, e.nextExecuteAt(), now), Optional.empty(), Optional.of(exec),
                Campaign.DEFAULT_CONTACT_LIMIT), PlannedStep.Kind.SET_ASIDE);
    }

    private static SequenceStepExecution execution(SequenceEnrollment e, int order, ExecutionStatus status,
            Optional<String> attemptId, Instant now, String result) {
        return new SequenceStepExecution(Ids.next("exe"), e.id(), e.sequenceId(), order, status, attemptId, now,
                result);
    }
}
