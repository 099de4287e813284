package io.retentioncenter.core.experiment;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.internal.Require;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * An A/B test for one campaign. A script test (no {@code step}) gives every attempt on the campaign
 * and channel a variant while RUNNING; a timing test randomises the delay or the send window of one
 * sequence step (its {@code channel} is the step's), fixing each lead's arm when the step is planned
 * for it. Arms are sticky per lead.
 *
 * @param id test id
 * @param campaignId the campaign
 * @param channel the channel
 * @param variants two or more arms with distinct names
 * @param status lifecycle status
 * @param winner the winning variant's name once decided, empty for "no winner"
 * @param startedAt start time
 * @param endedAt end time once COMPLETED (or DELETED)
 * @param step the step a timing test randomises; empty for a script test
 */
public record AbTest(
        String id,
        String campaignId,
        Channel channel,
        List<Variant> variants,
        AbTestStatus status,
        Optional<String> winner,
        Instant startedAt,
        Optional<Instant> endedAt,
        Optional<StepTarget> step) {

    /**
     * Validates and copies.
     *
     * @throws ValidationException when the arms mix kinds, or a timing test has no step or a script
     *     test has one
     */
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
        Require.present(step, "step");
        TestKind kind = variants.get(0).kind();
        if (variants.stream().anyMatch(v -> v.kind() != kind)) {
            throw new ValidationException("variants", "all variants must be of one kind, got "
                    + variants.stream().map(v -> v.name() + "=" + v.kind()).toList());
        }
        if (kind.timing() != step.isPresent()) {
            throw new ValidationException("step", kind.timing() ? "a " + kind + " test needs a sequence step"
                    : "a script test has no sequence step");
        }
    }

    /** A script test. */
    public AbTest(String id, String campaignId, Channel channel, List<Variant> variants, AbTestStatus status,
            Optional<String> winner, Instant startedAt, Optional<Instant> endedAt) {
        this(id, campaignId, channel, variants, status, winner, startedAt, endedAt, Optional.empty());
    }

    /** What the test randomises (all its variants are of this kind). */
    public TestKind kind() {
        return variants.get(0).kind();
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
        return new AbTest(id, campaignId, channel, variants, next, winner, startedAt, end, step);
    }

    /** A completed copy with the given winner (empty for no winner). */
    public AbTest completed(Optional<String> winnerName, Instant at) {
        return new AbTest(id, campaignId, channel, variants, AbTestStatus.COMPLETED, winnerName, startedAt,
                Optional.of(at), step);
    }
}
