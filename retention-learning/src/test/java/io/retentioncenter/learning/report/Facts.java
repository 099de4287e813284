package io.retentioncenter.learning.report;

import io.retentioncenter.core.campaign.AutoAssignRule;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.campaign.CampaignStatus;
import io.retentioncenter.core.campaign.Schedule;
import io.retentioncenter.core.contact.AttemptKind;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.conversion.ConversionCommand;
import io.retentioncenter.core.conversion.PostbackKind;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.memory.InMemoryRetentionStore;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExecutionStatus;
import io.retentioncenter.core.sequence.ExitReason;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.SequenceStatus;
import io.retentioncenter.core.sequence.SequenceStep;
import io.retentioncenter.core.sequence.SequenceStepExecution;
import io.retentioncenter.core.sequence.StepOutcome;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds facts directly in an in-memory store through its public methods, so that report tests can
 * state exact expected numbers. Times are hours after {@link #T0}, a Monday midnight UTC.
 */
final class Facts {
    static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
    private static final String OWNER = "facts";
    private static final int NO_LIMIT = 1_000_000;

    final InMemoryRetentionStore store = new InMemoryRetentionStore();
    private int sequenceNumber;
    private int leadNumber;
    /** Claims lease everything due for 1 ms, so each claim happens at least 2 ms after the previous one. */
    private Instant lastClaim = Instant.EPOCH;

    static Instant hour(double hours) {
        return T0.plus(Duration.ofMinutes(Math.round(hours * 60)));
    }

    Campaign campaign(String id, Schedule schedule) {
        Campaign campaign = new Campaign(id, "Campaign " + id, CampaignStatus.ACTIVE, AutoAssignRule.manualOnly(),
                schedule, Map.of(), NO_LIMIT, Optional.empty(), Map.of(), T0, T0);
        store.saveCampaign(campaign);
        return campaign;
    }

    Campaign campaign(String id) {
        return campaign(id, Schedule.always());
    }

    Lead lead(String id, Instant createdAt, Optional<ZoneId> timezone) {
        Lead lead = new Lead(id, Optional.empty(), Optional.of("Ana"), Optional.empty(), Optional.of(id + "@example.com"),
                Optional.of(String.format("+1415%07d", ++leadNumber)), LeadSource.API,
                LeadStatus.NEW, Optional.empty(), Optional.empty(), timezone, Map.of(), 0, createdAt, createdAt);
        store.insertLeadIfAbsent(lead);
        return lead;
    }

    Lead lead(String id, Instant createdAt) {
        return lead(id, createdAt, Optional.empty());
    }

    /** A sequence whose step n (1-based) waits n − 1 days, on the given channels. */
    RetentionSequence sequence(String id, String campaignId, Channel... channels) {
        List<SequenceStep> steps = new ArrayList<>();
        for (int i = 0; i < channels.length; i++) {
            steps.add(SequenceStep.of(i + 1, channels[i], i == 0 ? 0 : 1, DelayUnit.DAYS));
        }
        RetentionSequence sequence = new RetentionSequence(id, "Sequence " + id, SequenceStatus.ACTIVE,
                Optional.of(campaignId), Duration.ZERO, steps, false, T0, T0);
        store.saveSequence(sequence);
        return sequence;
    }

    SequenceEnrollment enroll(String id, RetentionSequence sequence, String leadId, Instant at) {
        SequenceEnrollment enrollment = SequenceEnrollment.start(id, sequence.id(), leadId,
                sequence.campaignId().orElseThrow(), at, at);
        store.enroll(enrollment, Duration.ZERO);
        return enrollment;
    }

    /**
     * Processes the current step of enrollment {@code id} at {@code at} with {@code status}; an
     * EXECUTED step sends a SENT attempt with {@code body}. The last step completes the enrollment.
     * Steps must be processed in time order.
     */
    Optional<ContactAttempt> step(String id, ExecutionStatus status, Instant at, String body) {
        Instant claimAt = at.isAfter(lastClaim.plusMillis(1)) ? at : lastClaim.plusMillis(2);
        lastClaim = claimAt;
        List<SequenceEnrollment> claimed = store.claimDueEnrollments(claimAt, NO_LIMIT, OWNER, claimAt.plusMillis(1));
        SequenceEnrollment current = claimed.stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("enrollment " + id + " is not due at " + at));
        RetentionSequence sequence = store.listSequences().stream()
                .filter(s -> s.id().equals(current.sequenceId())).findFirst().orElseThrow();
        int order = current.currentStep();
        Optional<ContactAttempt> attempt = Optional.empty();
        if (status == ExecutionStatus.EXECUTED) {
            Channel channel = sequence.steps().get(order - 1).channel();
            attempt = Optional.of(attempt(current.leadId(), current.campaignId(), channel, AttemptStatus.SENT, at, body,
                    Optional.of(id), Optional.of(order)));
        }
        SequenceEnrollment updated = order == sequence.steps().size()
                ? current.advanced(at, at).finished(EnrollmentStatus.COMPLETED, Optional.empty(), at)
                : current.advanced(at, at);
        SequenceStepExecution execution = new SequenceStepExecution(id + "-x" + order, id, current.sequenceId(), order,
                status, attempt.map(ContactAttempt::id), at, "test");
        StepOutcome.Result result = store.recordStepOutcomes(List.of(new StepOutcome(OWNER, order, updated, attempt,
                Optional.of(execution), NO_LIMIT))).get(0);
        if (result != StepOutcome.Result.APPLIED) {
            throw new AssertionError("step of " + id + " not applied: " + result);
        }
        return attempt;
    }

    /** Opts the lead out: its enrollments exit with OPTED_OUT. */
    void optOut(String leadId, Instant at) {
        store.endOutreach(leadId, LeadStatus.DO_NOT_CONTACT, EnrollmentStatus.EXITED, ExitReason.OPTED_OUT, at);
    }

    ContactAttempt attempt(String leadId, String campaignId, Channel channel, AttemptStatus status, Instant at,
            String body, Optional<String> enrollmentId, Optional<Integer> stepOrder) {
        String id = "a" + (++sequenceNumber);
        boolean dispatched = !status.isUndispatched() && status != AttemptStatus.CANCELLED;
        return new ContactAttempt(id, leadId, campaignId, channel,
                enrollmentId.isPresent() ? AttemptKind.SEQUENCE_STEP : AttemptKind.DIRECT, status, enrollmentId,
                stepOrder, 1, id + ":1", Optional.empty(), Optional.empty(), Optional.empty(), "recipient",
                channel == Channel.EMAIL ? Optional.of("Hello") : Optional.empty(), body, at,
                dispatched ? Optional.of("test") : Optional.empty(), Optional.empty(),
                dispatched ? Optional.of(at) : Optional.empty(), Optional.empty(), Optional.empty(), List.of(), at, at);
    }

    /** Inserts a direct SENT attempt in variant {@code variant} of A/B test {@code testId}. */
    ContactAttempt sendInTest(String leadId, String campaignId, Channel channel, String testId, String variant,
            Instant at) {
        ContactAttempt plain = attempt(leadId, campaignId, channel, AttemptStatus.SENT, at, "Variant " + variant,
                Optional.empty(), Optional.empty());
        ContactAttempt attempt = new ContactAttempt(plain.id(), leadId, campaignId, channel, plain.kind(), plain.status(),
                plain.enrollmentId(), plain.stepOrder(), 1, plain.idempotencyKey(), Optional.of("script-" + variant),
                Optional.of(testId), Optional.of(variant), plain.recipient(), plain.subject(), plain.body(), at,
                plain.provider(), plain.providerRef(), plain.sentAt(), Optional.empty(), Optional.empty(), List.of(), at,
                at);
        if (!store.insertAttempt(attempt, NO_LIMIT)) {
            throw new AssertionError("attempt for " + leadId + " not inserted");
        }
        return attempt;
    }

    /** Inserts a direct attempt. */
    ContactAttempt send(String leadId, String campaignId, Channel channel, AttemptStatus status, Instant at, String body) {
        ContactAttempt attempt = attempt(leadId, campaignId, channel, status, at, body, Optional.empty(), Optional.empty());
        if (!store.insertAttempt(attempt, NO_LIMIT)) {
            throw new AssertionError("attempt for " + leadId + " not inserted");
        }
        return attempt;
    }

    /** Records a SALE of {@code revenue} for the lead in the campaign, credited to {@code credited} when given. */
    Conversion sale(String leadId, String campaignId, Instant at, long revenue, Optional<ContactAttempt> credited) {
        Conversion candidate = new Conversion("c-" + leadId + "-" + campaignId, leadId, campaignId,
                credited.map(ContactAttempt::channel), credited.map(ContactAttempt::id),
                credited.flatMap(ContactAttempt::enrollmentId), credited.flatMap(ContactAttempt::stepOrder),
                credited.flatMap(ContactAttempt::abTestId), credited.flatMap(ContactAttempt::variant),
                io.retentioncenter.core.conversion.ConversionStatus.SALE, BigDecimal.valueOf(revenue), Optional.of("USD"),
                Optional.empty(), at, at, Map.of());
        return store.recordConversion(new ConversionCommand(candidate.id() + "|SALE", PostbackKind.SALE, candidate,
                BigDecimal.valueOf(revenue), at)).conversion().orElseThrow();
    }

    LearningReports reports(Instant now) {
        return LearningReports.builder().store(store).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    }
}
