package io.retentioncenter.core.experiment;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.internal.Require;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * An A/B test of scripts for one campaign and channel. While RUNNING, every attempt on that campaign
 * and channel gets a variant, sticky per lead.
 *
 * @param id test id
 * @param campaignId the campaign
 * @param channel the channel
 * @param variants two or more arms with distinct names
 * @param status lifecycle status
 * @param winner the winning variant's name once decided, empty for "no winner"
 * @param startedAt start time
 * @param endedAt end time once COMPLETED (or DELETED)
 */
public record AbTest(
        String id,
        String campaignId,
        Channel channel,
        List<Variant> variants,
        AbTestStatus status,
        Optional<String> winner,
        Instant startedAt,
        Optional<Instant> endedAt) {

    /** Validates and copies. */
    public AbTest {
        Require.text(id, "id");
        Require.text(campaignId, "campaignId");
        Require.present(channel, "channel");
        variants = List.copyOf(Require.present(variants, "variants"));
        if (variants.size() < 2) {
            throw new ValidationException("variants", "an A/B test needs at least two variants");
        }
        if (new HashSet<>(variants.stream().map(Variant::name).toList()).size() != variants.size()) {
            throw new ValidationException("variants", "variant names must be distinct");
        }
        Require.present(status, "status");
        Require.present(winner, "winner");
        Require.present(startedAt, "startedAt");
        Require.present(endedAt, "endedAt");
    }

    /** Sum of the variants' weights. */
    public int totalWeight() {
        return variants.stream().mapToInt(Variant::weight).sum();
    }

    /** The variant named {@code name}, if any. */
    public Optional<Variant> variant(String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** A copy in {@code next} status; a DELETED copy gets an end time when it had none. */
    public AbTest withStatus(AbTestStatus next, Instant at) {
        Optional<Instant> end = next == AbTestStatus.DELETED ? endedAt.or(() -> Optional.of(at)) : endedAt;
        return new AbTest(id, campaignId, channel, variants, next, winner, startedAt, end);
    }

    /** A completed copy with the given winner (empty for no winner). */
    public AbTest completed(Optional<String> winnerName, Instant at) {
        return new AbTest(id, campaignId, channel, variants, AbTestStatus.COMPLETED, winnerName, startedAt,
                Optional.of(at));
    }
}
