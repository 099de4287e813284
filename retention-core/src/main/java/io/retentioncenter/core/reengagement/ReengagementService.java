package io.retentioncenter.core.reengagement;

import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.internal.EngineContext;
import io.retentioncenter.core.internal.Ids;
import io.retentioncenter.core.internal.Require;
import java.time.Duration;
import java.util.List;

/**
 * Re-engagement rules: "leads of sequence A that have not converted N hours after enrollment (or
 * after A completed) go into sequence B". Every tick evaluates them; a lead enters a target sequence
 * through a rule at most once, whatever the number of rules and engines, and the target sequence's
 * re-enrollment cooldown applies. A lead is moved within a week of its due time; one anchored
 * earlier (enrolled long before the rule was created) is not. Obtain it from
 * {@code engine.reengagement()}.
 */
public final class ReengagementService {
    private final EngineContext ctx;

    /** Built by the engine. */
    public ReengagementService(EngineContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Creates a rule.
     *
     * @throws NotFoundException when either sequence does not exist
     * @throws io.retentioncenter.core.ValidationException when an argument is missing, the delay is
     *     negative or the sequences are the same
     */
    public ReengagementRule create(String sourceSequenceId, ReengagementTrigger trigger, Duration delay,
            String targetSequenceId) {
        ReengagementRule rule = new ReengagementRule(Ids.next("rer"), Require.text(sourceSequenceId,
                "sourceSequenceId"), trigger, delay, Require.text(targetSequenceId, "targetSequenceId"), ctx.now());
        var config = ctx.config().current();
        config.sequence(rule.sourceSequenceId())
                .orElseThrow(() -> new NotFoundException("sequence", rule.sourceSequenceId()));
        config.sequence(rule.targetSequenceId())
                .orElseThrow(() -> new NotFoundException("sequence", rule.targetSequenceId()));
        ctx.store().saveReengagementRule(rule);
        return rule;
    }

    /** Every rule, oldest first. */
    public List<ReengagementRule> list() {
        return ctx.store().listReengagementRules();
    }

    /**
     * Deletes a rule; the leads it moved stay recorded, so a new rule into the same target sequence
     * does not move them again.
     *
     * @throws NotFoundException when there is no such rule
     */
    public void delete(String ruleId) {
        if (!ctx.store().deleteReengagementRule(Require.text(ruleId, "ruleId"))) {
            throw new NotFoundException("re-engagement rule", ruleId);
        }
    }
}
