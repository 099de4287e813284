package io.retentioncenter.core.store;

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
import io.retentioncenter.core.conversion.ConversionStatus;
import io.retentioncenter.core.conversion.PostbackKind;
import io.retentioncenter.core.conversion.UnmatchedPostback;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.AbTestStatus;
import io.retentioncenter.core.experiment.Variant;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadSource;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.script.Script;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.ExecutionStatus;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.SequenceStatus;
import io.retentioncenter.core.sequence.SequenceStep;
import io.retentioncenter.core.sequence.SequenceStepExecution;
import io.retentioncenter.core.sequence.StepOutcome;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Valid domain records for store tests. Every instant has millisecond precision, because database
 * stores keep milliseconds only.
 */
public final class StoreFixtures {
    /** The kit's reference time. */
    public static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    /** The campaign most tests use. */
    public static final String CAMPAIGN = "camp_main";
    /** The three-step sequence of {@link #CAMPAIGN} most tests use. */
    public static final String SEQUENCE = "seq_main";
    /** The contact limit passed with attempts unless a test is about the limit. */
    public static final int CONTACT_LIMIT = 5;

    private StoreFixtures() {
    }

    /** {@link #T0} plus {@code minutes}. */
    public static Instant minutes(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    /** A NEW lead reached at {@code id@example.com}, created at {@link #T0}. */
    public static Lead lead(String id) {
        return lead(id, id + "@example.com", null, T0);
    }

    /** A NEW lead with the given email and phone (either may be null), created at {@code createdAt}. */
    public static Lead lead(String id, String email, String phone, Instant createdAt) {
        return new Lead(id, Optional.empty(), Optional.of("Ada"), Optional.of("Lovelace"),
                Optional.ofNullable(email), Optional.ofNullable(phone), LeadSource.API, LeadStatus.NEW,
                Optional.empty(), Optional.empty(), Optional.empty(), Map.of("city", "Berlin"), 0, createdAt,
                createdAt);
    }

    /** A copy of {@code lead} carrying the tracker id {@code externalId}. */
    public static Lead withExternalId(Lead lead, String externalId) {
        return new Lead(lead.id(), Optional.of(externalId), lead.firstName(), lead.lastName(), lead.email(),
                lead.phone(), lead.source(), lead.status(), lead.subId(), lead.clickId(), lead.timezone(),
                lead.attributes(), lead.contactCount(), lead.createdAt(), lead.updatedAt());
    }

    /** An ACTIVE campaign that contacts every day, all day. */
    public static Campaign campaign(String id) {
        return new Campaign(id, "Campaign " + id, CampaignStatus.ACTIVE, AutoAssignRule.everything(),
                Schedule.always(), Map.of(), CONTACT_LIMIT, Optional.empty(), Map.of(), T0, T0);
    }

    /** An ACTIVE sequence of {@code steps} email steps one day apart. */
    public static RetentionSequence sequence(String id, String campaignId, int steps) {
        List<SequenceStep> list = IntStream.rangeClosed(1, steps)
                .mapToObj(order -> SequenceStep.of(order, Channel.EMAIL, order == 1 ? 0 : 1, DelayUnit.DAYS)).toList();
        return new RetentionSequence(id, "Sequence " + id, SequenceStatus.ACTIVE, Optional.of(campaignId),
                RetentionSequence.DEFAULT_COOLDOWN, list, false, T0, T0);
    }

    /** An email script. */
    public static Script script(String id) {
        return new Script(id, "Script " + id, Channel.EMAIL, Optional.of(CAMPAIGN), Optional.of("Hi {{firstName}}"),
                "Hello {{firstName}}", Map.of());
    }

    /** A RUNNING email A/B test of {@code campaignId} with the named variants. */
    public static AbTest abTest(String id, String campaignId, String... variants) {
        List<Variant> arms = new ArrayList<>();
        for (String name : variants) {
            arms.add(new Variant(name, "script_" + name, 1));
        }
        return new AbTest(id, campaignId, Channel.EMAIL, arms, AbTestStatus.RUNNING, Optional.empty(), T0,
                Optional.empty());
    }

    /** A new ACTIVE enrollment in {@link #CAMPAIGN} whose first step is due at {@code due}. */
    public static SequenceEnrollment enrollment(String id, String sequenceId, String leadId, Instant enrolledAt,
            Instant due) {
        return SequenceEnrollment.start(id, sequenceId, leadId, CAMPAIGN, enrolledAt, due);
    }

    /** Starts an attempt of {@code leadId} in {@link #CAMPAIGN}: a PENDING email due and created at {@link #T0}. */
    public static AttemptSpec attempt(String id, String leadId) {
        return new AttemptSpec(id, leadId);
    }

    /** A step execution of {@code enrollment}'s current step. */
    public static SequenceStepExecution execution(String id, SequenceEnrollment enrollment, ExecutionStatus status,
            Optional<String> attemptId, Instant at) {
        return new SequenceStepExecution(id, enrollment.id(), enrollment.sequenceId(), enrollment.currentStep(),
                status, attemptId, at, status.name().toLowerCase(Locale.ROOT));
    }

    /**
     * What a tick records for a claimed enrollment whose current step ran at {@code at}: a PENDING email
     * {@code attemptId} with the (enrollment, step, try 1) idempotency key, an EXECUTED execution, and
     * the enrollment advanced to the next step, due a day later.
     */
    public static StepOutcome executedStep(SequenceEnrollment claimed, String owner, String attemptId, Instant at) {
        int step = claimed.currentStep();
        ContactAttempt attempt = attempt(attemptId, claimed.leadId()).enrollment(claimed.id(), step)
                .idempotencyKey(ContactAttempt.idempotencyKey(claimed.id(), String.valueOf(step), 1))
                .dueAt(at).createdAt(at).build();
        return new StepOutcome(owner, step, claimed.advanced(at, at.plus(Duration.ofDays(1))), Optional.of(attempt),
                Optional.of(execution("exec_" + attemptId, claimed, ExecutionStatus.EXECUTED, Optional.of(attemptId),
                        at)), CONTACT_LIMIT);
    }

    /** What a tick records for a claimed enrollment whose current step was skipped at {@code at}. */
    public static StepOutcome skippedStep(SequenceEnrollment claimed, String owner, String executionId, Instant at) {
        return new StepOutcome(owner, claimed.currentStep(), claimed.advanced(at, at.plus(Duration.ofDays(1))),
                Optional.empty(), Optional.of(execution(executionId, claimed, ExecutionStatus.SKIPPED,
                        Optional.empty(), at)), CONTACT_LIMIT);
    }

    /** A conversion of {@code leadId} in {@code campaignId} as a postback would propose it. */
    public static Conversion conversion(String id, String leadId, String campaignId, Instant occurredAt) {
        return new Conversion(id, leadId, campaignId, Optional.of(Channel.EMAIL), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), ConversionStatus.LEAD, BigDecimal.ZERO,
                Optional.of("USD"), Optional.empty(), occurredAt, occurredAt, Map.of());
    }

    /** A copy of {@code conversion} credited to variant {@code variant} of A/B test {@code testId}. */
    public static Conversion creditedTo(Conversion c, String testId, String variant) {
        return new Conversion(c.id(), c.leadId(), c.campaignId(), c.channel(), c.attemptId(), c.enrollmentId(),
                c.stepOrder(), Optional.of(testId), Optional.of(variant), c.status(), c.revenue(), c.currency(),
                c.transactionId(), c.occurredAt(), c.updatedAt(), c.raw());
    }

    /**
     * A postback of {@code kind} paying {@code payout} for {@code candidate}'s lead and campaign; its
     * transaction id is {@code "tx-" + replayKey} and its raw parameters name the kind and payout.
     */
    public static ConversionCommand postback(String replayKey, PostbackKind kind, Conversion candidate, String payout,
            Instant at) {
        Conversion c = candidate;
        Map<String, String> raw = Map.of("status", kind.name().toLowerCase(Locale.ROOT), "payout", payout);
        Conversion proposed = new Conversion(c.id(), c.leadId(), c.campaignId(), c.channel(), c.attemptId(),
                c.enrollmentId(), c.stepOrder(), c.abTestId(), c.variant(), c.status(), c.revenue(), c.currency(),
                Optional.of("tx-" + replayKey), c.occurredAt(), c.updatedAt(), raw);
        return new ConversionCommand(replayKey, kind, proposed, new BigDecimal(payout), at);
    }

    /** A postback whose sub id matched nothing. */
    public static UnmatchedPostback unmatched(String replayKey, Instant receivedAt) {
        return new UnmatchedPostback(replayKey, "sub_" + replayKey, Map.of("sub_id", "sub_" + replayKey), receivedAt);
    }

    /** Builder of a valid {@link ContactAttempt}; defaults: PENDING DIRECT email in {@link #CAMPAIGN} at {@link #T0}. */
    public static final class AttemptSpec {
        private final String id;
        private final String leadId;
        private String campaignId = CAMPAIGN;
        private Channel channel = Channel.EMAIL;
        private AttemptKind kind = AttemptKind.DIRECT;
        private AttemptStatus status = AttemptStatus.PENDING;
        private Optional<String> enrollmentId = Optional.empty();
        private Optional<Integer> stepOrder = Optional.empty();
        private String idempotencyKey;
        private Optional<String> abTestId = Optional.empty();
        private Optional<String> variant = Optional.empty();
        private Instant dueAt = T0;
        private Instant createdAt = T0;
        private Optional<String> provider = Optional.empty();
        private Optional<String> providerRef = Optional.empty();
        private Optional<Instant> sentAt = Optional.empty();
        private Optional<String> scriptId = Optional.empty();

        private AttemptSpec(String id, String leadId) {
            this.id = id;
            this.leadId = leadId;
            this.idempotencyKey = ContactAttempt.idempotencyKey(id, "direct", 1);
        }

        /** Why the attempt exists. */
        public AttemptSpec kind(AttemptKind value) {
            kind = value;
            return this;
        }

        /** The campaign. */
        public AttemptSpec campaign(String value) {
            campaignId = value;
            return this;
        }

        /** The channel. */
        public AttemptSpec channel(Channel value) {
            channel = value;
            return this;
        }

        /** The status. */
        public AttemptSpec status(AttemptStatus value) {
            status = value;
            return this;
        }

        /** Makes it the attempt of step {@code step} of {@code enrollment}. */
        public AttemptSpec enrollment(String enrollment, int step) {
            kind = AttemptKind.SEQUENCE_STEP;
            enrollmentId = Optional.of(enrollment);
            stepOrder = Optional.of(step);
            return this;
        }

        /** The idempotency key. */
        public AttemptSpec idempotencyKey(String value) {
            idempotencyKey = value;
            return this;
        }

        /** The A/B test and variant. */
        public AttemptSpec abTest(String testId, String variantName) {
            abTestId = Optional.of(testId);
            variant = Optional.of(variantName);
            return this;
        }

        /** When it may be dispatched. */
        public AttemptSpec dueAt(Instant value) {
            dueAt = value;
            return this;
        }

        /** Creation (and last update) time. */
        public AttemptSpec createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        /** The provider that took it, its reference and the time it was sent. */
        public AttemptSpec sentBy(String providerName, String ref, Instant at) {
            provider = Optional.of(providerName);
            providerRef = Optional.of(ref);
            sentAt = Optional.of(at);
            return this;
        }

        /** The script it was rendered from. */
        public AttemptSpec script(String value) {
            scriptId = Optional.of(value);
            return this;
        }

        /** The attempt. */
        public ContactAttempt build() {
            String recipient = channel.needsPhone() ? "+4915112345678" : leadId + "@example.com";
            return new ContactAttempt(id, leadId, campaignId, channel, kind, status, enrollmentId, stepOrder, 1,
                    idempotencyKey, scriptId, abTestId, variant, recipient,
                    channel == Channel.EMAIL ? Optional.of("Hi Ada") : Optional.empty(), "Hello Ada", dueAt,
                    provider, providerRef, sentAt, Optional.empty(), Optional.empty(), List.of(), createdAt,
                    createdAt);
        }
    }
}
