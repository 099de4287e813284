package io.retentioncenter.core.internal;

import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.sequence.DelayUnit;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.sequence.SequenceStatus;
import io.retentioncenter.core.sequence.SequenceStep;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the sequence a campaign runs: the campaign's {@code sequenceId} if set, else the earliest
 * ACTIVE sequence linked to the campaign, else the campaign's implicit one-shot sequence — every
 * channel in priority order at delay 0, where channels the lead cannot be reached on are skipped —
 * created on first use. So a campaign without a sequence runs through the same engine code.
 */
public final class CampaignSequences {
    private final EngineContext ctx;

    /** Built by the engine. */
    public CampaignSequences(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** The id of the one-shot sequence of {@code campaignId}. */
    public static String oneShotId(String campaignId) {
        return "oneshot_" + campaignId;
    }

    /** The sequence {@code campaign} enrolls its leads in. */
    public RetentionSequence sequenceFor(Campaign campaign, ConfigSnapshot config) {
        Optional<RetentionSequence> chosen = campaign.sequenceId().flatMap(config::sequence)
                .or(() -> config.sequences().values().stream()
                        .filter(s -> !s.oneShot() && s.status() == SequenceStatus.ACTIVE
                                && s.campaignId().filter(campaign.id()::equals).isPresent())
                        .min(Comparator.comparing(RetentionSequence::createdAt).thenComparing(RetentionSequence::id)))
                .or(() -> config.sequence(oneShotId(campaign.id())));
        return chosen.orElseGet(() -> createOneShot(campaign, ctx.now()));
    }

    private RetentionSequence createOneShot(Campaign campaign, Instant now) {
        List<SequenceStep> steps = Arrays.stream(Channel.values())
                .sorted(Comparator.comparingInt(Channel::priority))
                .map(c -> SequenceStep.of(c.priority() + 1, c, 0, DelayUnit.MINUTES))
                .toList();
        RetentionSequence oneShot = new RetentionSequence(oneShotId(campaign.id()), campaign.name() + " (one-shot)",
                SequenceStatus.ACTIVE, Optional.of(campaign.id()), Duration.ZERO, steps, true, now, now);
        ctx.store().saveSequence(oneShot);
        return oneShot;
    }
}
