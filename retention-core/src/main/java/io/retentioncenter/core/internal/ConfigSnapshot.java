package io.retentioncenter.core.internal;

import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.AbTestStatus;
import io.retentioncenter.core.experiment.StepTarget;
import io.retentioncenter.core.experiment.TestKind;
import io.retentioncenter.core.script.Script;
import io.retentioncenter.core.sequence.RetentionSequence;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * An immutable view of the small, slow-changing tables (campaigns, scripts, A/B tests, sequences)
 * at one {@code configVersion} of the store.
 *
 * @param version the store's config version this snapshot was read at
 * @param campaigns campaigns by id
 * @param scripts scripts by id
 * @param tests A/B tests by id
 * @param sequences sequences by id
 */
public record ConfigSnapshot(long version, Map<String, Campaign> campaigns, Map<String, Script> scripts,
        Map<String, AbTest> tests, Map<String, RetentionSequence> sequences) {

    /** Builds a snapshot from full listings. */
    public static ConfigSnapshot of(long version, List<Campaign> campaigns, List<Script> scripts, List<AbTest> tests,
            List<RetentionSequence> sequences) {
        return new ConfigSnapshot(version, index(campaigns, Campaign::id), index(scripts, Script::id),
                index(tests, AbTest::id), index(sequences, RetentionSequence::id));
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toUnmodifiableMap(id, Function.identity()));
    }

    /** The campaign with {@code id}. */
    public Optional<Campaign> campaign(String id) {
        return Optional.ofNullable(campaigns.get(id));
    }

    /** The sequence with {@code id}. */
    public Optional<RetentionSequence> sequence(String id) {
        return Optional.ofNullable(sequences.get(id));
    }

    /** The A/B test with {@code id}, whatever its status. */
    public Optional<AbTest> abTest(String id) {
        return Optional.ofNullable(tests.get(id));
    }

    /** The script with {@code id}. */
    public Optional<Script> script(String id) {
        return Optional.ofNullable(scripts.get(id));
    }

    /**
     * The script for {@code channel} in {@code campaignId}: the campaign's own script wins over a
     * default script; among several, the lowest id (stable choice).
     */
    public Optional<Script> scriptFor(String campaignId, Channel channel) {
        Comparator<Script> stable = Comparator.comparing(Script::id);
        Optional<Script> own = scripts.values().stream()
                .filter(s -> s.channel() == channel && s.campaignId().filter(campaignId::equals).isPresent())
                .min(stable);
        return own.isPresent() ? own : scripts.values().stream()
                .filter(s -> s.channel() == channel && s.isDefault()).min(stable);
    }

    /** The RUNNING script test for campaign and channel, if any (the earliest started if several). */
    public Optional<AbTest> runningTest(String campaignId, Channel channel) {
        return running(t -> t.kind() == TestKind.SCRIPT && t.channel() == channel && t.campaignId().equals(campaignId));
    }

    /** The RUNNING timing test of {@code step} in campaign {@code campaignId}, if any. */
    public Optional<AbTest> runningTimingTest(String campaignId, StepTarget step) {
        return running(t -> t.step().equals(Optional.of(step)) && t.campaignId().equals(campaignId));
    }

    private Optional<AbTest> running(Predicate<AbTest> which) {
        return tests.values().stream().filter(t -> t.status() == AbTestStatus.RUNNING && which.test(t))
                .min(Comparator.comparing(AbTest::startedAt).thenComparing(AbTest::id));
    }
}
