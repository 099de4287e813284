package io.retentioncenter.core.inbound;

import io.retentioncenter.core.ConflictException;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.conversion.ConversionCommand;
import io.retentioncenter.core.conversion.ConversionOutcome;
import io.retentioncenter.core.conversion.ConversionStatus;
import io.retentioncenter.core.conversion.PostbackKind;
import io.retentioncenter.core.conversion.UnmatchedPostback;
import io.retentioncenter.core.experiment.ExperimentService;
import io.retentioncenter.core.experiment.Verdict;
import io.retentioncenter.core.inbound.keitaro.IgnoredKeitaroPostback;
import io.retentioncenter.core.inbound.keitaro.KeitaroParseResult;
import io.retentioncenter.core.inbound.keitaro.KeitaroPostback;
import io.retentioncenter.core.internal.EngineContext;
import io.retentioncenter.core.internal.Ids;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.sequence.EnrollmentQuery;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Applies Keitaro postbacks. The {@code sub_id} matches a {@link ContactAttempt} id first (the id
 * the library passes as sub id, e.g. through a script's {@code {{trackedLink}}}), then a lead's
 * external id, then a lead's own id, then the lead an operator linked the same postback to when it
 * arrived unmatched before; for a lead match the lead's latest dispatched attempt before the
 * postback is credited. The conversion carries lead, campaign,
 * channel, attempt, enrollment, step and A/B variant. SALE converts the lead and ends its
 * enrollments at once; REJECTED rejects it; LEAD is recorded only; REBILL adds revenue.
 */
final class KeitaroInbound {
    private final EngineContext ctx;
    private final ExperimentService experiments;

    KeitaroInbound(EngineContext ctx, ExperimentService experiments) {
        this.ctx = ctx;
        this.experiments = experiments;
    }

    KeitaroResult apply(KeitaroParseResult parsed) {
        if (parsed instanceof IgnoredKeitaroPostback) {
            return new KeitaroResult(KeitaroResult.Outcome.IGNORED_STATUS, Optional.empty(), 0, Optional.empty());
        }
        KeitaroPostback p = (KeitaroPostback) parsed;
        Instant now = ctx.now();
        Optional<ContactAttempt> attempt = ctx.store().findAttempt(p.subId());
        Optional<Lead> lead = attempt.isPresent() ? ctx.store().findLead(attempt.get().leadId())
                : ctx.store().findLeadByExternalId(p.subId()).or(() -> ctx.store().findLead(p.subId()))
                        .or(() -> linkedLead(p));
        if (attempt.isEmpty()) {
            attempt = lead.flatMap(l -> creditedAttempt(l, now));
        }
        Optional<String> campaignId = attempt.map(ContactAttempt::campaignId)
                .or(() -> lead.flatMap(this::latestEnrollment).map(SequenceEnrollment::campaignId));
        if (lead.isEmpty() || campaignId.isEmpty()) {
            ctx.store().recordUnmatchedPostback(new UnmatchedPostback(p.replayKey(), p.subId(), p.raw(), now));
            return new KeitaroResult(KeitaroResult.Outcome.UNMATCHED, Optional.empty(), 0, Optional.empty());
        }
        return record(p.replayKey(), p, lead.get(), attempt, campaignId.get(), now);
    }

    /**
     * Applies a kept unmatched postback, parsed again, to {@code lead} as if its sub id had named the
     * lead: links the postback to the lead (once), then records the conversion under the postback's
     * replay key, so that re-matching again is a REPLAY.
     *
     * @throws ConflictException when the lead has no attempt or enrollment to credit, or the postback
     *     was linked to another lead meanwhile
     */
    KeitaroResult rematch(UnmatchedPostback kept, KeitaroParseResult parsed, Lead lead) {
        if (parsed instanceof IgnoredKeitaroPostback) {
            return new KeitaroResult(KeitaroResult.Outcome.IGNORED_STATUS, Optional.empty(), 0, Optional.empty());
        }
        Instant now = ctx.now();
        Optional<ContactAttempt> attempt = creditedAttempt(lead, now);
        String campaignId = attempt.map(ContactAttempt::campaignId)
                .or(() -> latestEnrollment(lead).map(SequenceEnrollment::campaignId))
                .orElseThrow(() -> new ConflictException("lead " + lead.id()
                        + " has no attempt and no enrollment: no campaign to credit the conversion to"));
        UnmatchedPostback matched = ctx.store().matchUnmatchedPostback(kept.replayKey(), lead.id(), now);
        if (!matched.matchedLeadId().equals(Optional.of(lead.id()))) {
            throw new ConflictException("postback " + kept.replayKey() + " is matched to lead "
                    + matched.matchedLeadId().orElse("?"));
        }
        return record(kept.replayKey(), (KeitaroPostback) parsed, lead, attempt, campaignId, now);
    }

    private KeitaroResult record(String replayKey, KeitaroPostback p, Lead lead, Optional<ContactAttempt> attempt,
            String campaignId, Instant now) {
        Conversion candidate = new Conversion(Ids.next("cnv"), lead.id(), campaignId,
                attempt.map(ContactAttempt::channel), attempt.map(ContactAttempt::id),
                attempt.flatMap(ContactAttempt::enrollmentId), attempt.flatMap(ContactAttempt::stepOrder),
                attempt.flatMap(ContactAttempt::abTestId), attempt.flatMap(ContactAttempt::variant),
                statusOf(p.kind()), p.payout(), p.currency(), p.transactionId(), now, now, p.raw());
        ConversionOutcome outcome = ctx.store().recordConversion(new ConversionCommand(replayKey, p.kind(),
                candidate, p.payout(), now));
        boolean changed = outcome.effect() == ConversionOutcome.Effect.CREATED
                || outcome.effect() == ConversionOutcome.Effect.UPDATED;
        if (changed) {
            outcome.conversion().ifPresent(ctx.listener()::converted);
        }
        Optional<Verdict> verdict = changed ? outcome.conversion()
                .filter(c -> c.status() == ConversionStatus.SALE)
                .flatMap(Conversion::abTestId)
                .map(experiments::evaluate) : Optional.empty();
        return new KeitaroResult(map(outcome.effect()), outcome.conversion(), outcome.exitedEnrollments(), verdict);
    }

    /** The lead an operator linked this postback to when it first arrived unmatched (a re-send is then a REPLAY). */
    private Optional<Lead> linkedLead(KeitaroPostback p) {
        return ctx.store().findUnmatchedPostback(p.replayKey()).flatMap(UnmatchedPostback::matchedLeadId)
                .flatMap(ctx.store()::findLead);
    }

    private Optional<ContactAttempt> creditedAttempt(Lead lead, Instant now) {
        return ctx.store().attemptsOfLead(lead.id()).stream()
                .filter(a -> !a.status().isUndispatched() && a.status() != AttemptStatus.CANCELLED)
                .filter(a -> !a.createdAt().isAfter(now))
                .max(Comparator.comparing(ContactAttempt::createdAt).thenComparing(ContactAttempt::id));
    }

    private Optional<SequenceEnrollment> latestEnrollment(Lead lead) {
        List<SequenceEnrollment> all = ctx.store().listEnrollments(EnrollmentQuery.ofLead(lead.id()),
                new PageRequest(0, 1000)).items();
        return all.stream().max(Comparator.comparing(SequenceEnrollment::enrolledAt));
    }

    private static ConversionStatus statusOf(PostbackKind kind) {
        return switch (kind) {
            case LEAD -> ConversionStatus.LEAD;
            case SALE, REBILL -> ConversionStatus.SALE;
            case REJECTED -> ConversionStatus.REJECTED;
        };
    }

    private static KeitaroResult.Outcome map(ConversionOutcome.Effect effect) {
        return switch (effect) {
            case CREATED -> KeitaroResult.Outcome.CREATED;
            case UPDATED -> KeitaroResult.Outcome.UPDATED;
            case REPLAY -> KeitaroResult.Outcome.REPLAY;
            case IGNORED -> KeitaroResult.Outcome.IGNORED_TRANSITION;
        };
    }
}
