package io.retentioncenter.core.internal;

import io.retentioncenter.core.campaign.Assignment;
import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.reengagement.ReengagementRule;
import io.retentioncenter.core.sequence.EnrollResult;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.SequenceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tick's side of re-engagement rules: for each rule whose target sequence is ACTIVE, takes up to a
 * batch of due candidates from the store, records each (lead, target sequence) pair first — the store
 * lets one caller only record it, so two engines never both enroll — then enrolls the lead into the
 * target sequence under its cooldown, in the target sequence's campaign (joining it) or else the
 * source enrollment's. A lead the cooldown or an enrollment in the target keeps out stays recorded:
 * a rule moves a lead at most once, even when that move was refused.
 */
public final class Reengagements {
    /**
     * How far past its due time a lead is still moved: a tick reads only the source enrollments whose
     * anchor lies in the last week before {@code now - delay}, so its cost stays bounded however long
     * the source sequence's history. Leads anchored earlier (before a rule existed, or while no engine
     * ticked for over a week) are not moved.
     */
    public static final Duration LOOKBACK = Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(Reengagements.class);

    private final EngineContext ctx;
    private final Enroller enroller;

    /** Built by the engine. */
    public Reengagements(EngineContext ctx, Enroller enroller) {
        this.ctx = ctx;
        this.enroller = enroller;
    }

    /** Evaluates every rule at {@code now}; returns the enrollments created. */
    public int evaluate(Instant now) {
        List<ReengagementRule> rules = ctx.store().listReengagementRules();
        if (rules.isEmpty()) {
            return 0;
        }
        ConfigSnapshot config = ctx.config().current();
        int enrolled = 0;
        for (ReengagementRule rule : rules) {
            Optional<RetentionSequence> target = config.sequence(rule.targetSequenceId())
                    .filter(s -> s.status() == SequenceStatus.ACTIVE);
            if (target.isEmpty()) {
                continue;
            }
            Instant anchoredBy = now.minus(rule.delay());
            for (SequenceEnrollment source : ctx.store().reengagementCandidates(rule, anchoredBy.minus(LOOKBACK),
                    anchoredBy, ctx.settings().batchSize())) {
                if (move(rule, source, target.get(), config, now)) {
                    enrolled++;
                }
            }
        }
        return enrolled;
    }

    private boolean move(ReengagementRule rule, SequenceEnrollment source, RetentionSequence target,
            ConfigSnapshot config, Instant now) {
        String campaignId = target.campaignId().orElse(source.campaignId());
        Optional<Campaign> campaign = config.campaign(campaignId);
        if (campaign.isEmpty()
                || !ctx.store().markReengaged(source.leadId(), target.id(), rule.id(), source.id(), now)) {
            return false;
        }
        if (!campaignId.equals(source.campaignId()) && ctx.store().assignLead(campaignId, source.leadId(),
                campaign.get().autoAssign().maxLeads(), now) == Assignment.CAP_REACHED) {
            log.info("re-engagement rule {}: lead {} not moved, campaign {} is full", rule.id(), source.leadId(),
                    campaignId);
            return false;
        }
        EnrollResult result = enroller.enroll(target, source.leadId(), campaignId, now);
        if (result.outcome() != EnrollResult.Outcome.ENROLLED) {
            log.info("re-engagement rule {}: lead {} not moved into {}: {}", rule.id(), source.leadId(), target.id(),
                    result.outcome());
            return false;
        }
        return true;
    }
}
