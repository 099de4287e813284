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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

/**
 * An immutable view of the small, slow-changing tables (campaigns, scripts, A/B tests, sequences)
 * at one {@code configVersion} of the store. The tick's per-step questions (which running test,
 * which script) are answered from lookups built once with the snapshot, not by scanning.
 */
public final class ConfigSnapshot {
    private static final Comparator<AbTest> EARLIEST = Comparator.comparing(AbTest::startedAt)
            .thenComparing(AbTest::id);
    private static final Comparator<Script> LOWEST_ID = Comparator.comparing(Script::id);

    private final long version;
    private final Map<String, Campaign> campaigns;
    private final Map<String, Script> scripts;
    private final Map<String, AbTest> tests;
    private final Map<String, RetentionSequence> sequences;
    private final Map<CampaignChannel, AbTest> runningScriptTests = new HashMap<>();
    private final Map<CampaignStep, AbTest> runningTimingTests = new HashMap<>();
    private final Map<CampaignChannel, Script> campaignScripts = new HashMap<>();
    private final Map<Channel, Script> defaultScripts = new HashMap<>();

    private record CampaignChannel(String campaignId, Channel channel) {
    }

    private record CampaignStep(String campaignId, StepTarget step) {
    }

    private ConfigSnapshot(long version, List<Campaign> campaigns, List<Script> scripts, List<AbTest> tests,
            List<RetentionSequence> sequences) {
        this.version = version;
        this.campaigns = index(campaigns, Campaign::id);
        this.scripts = index(scripts, Script::id);
        this.tests = index(tests, AbTest::id);
        this.sequences = index(sequences, RetentionSequence::id);
        BinaryOperator<AbTest> earliest = BinaryOperator.minBy(EARLIEST);
        for (AbTest t : tests) {
            if (t.status() != AbTestStatus.RUNNING) {
                continue;
            }
            if (t.kind() == TestKind.SCRIPT) {
                runningScriptTests.merge(new CampaignChannel(t.campaignId(), t.channel()), t, earliest);
            }
            t.step().ifPresent(step -> runningTimingTests.merge(new CampaignStep(t.campaignId(), step), t, earliest));
        }
        BinaryOperator<Script> lowest = BinaryOperator.minBy(LOWEST_ID);
        for (Script s : scripts) {
            s.campaignId().ifPresent(c -> campaignScripts.merge(new CampaignChannel(c, s.channel()), s, lowest));
            if (s.isDefault()) {
                defaultScripts.merge(s.channel(), s, lowest);
            }
        }
    }

    /** Builds a snapshot from full listings. */
    public static ConfigSnapshot of(long version, List<Campaign> campaigns, List<Script> scripts, List<AbTest> tests,
            List<RetentionSequence> sequences) {
        return new ConfigSnapshot(version, campaigns, scripts, tests, sequences);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toUnmodifiableMap(id, Function.identity()));
    }

    /** The store's config version this snapshot was read at. */
    public long version() {
        return version;
    }

    /** Campaigns by id. */
    public Map<String, Campaign> campaigns() {
        return campaigns;
    }

    /** Scripts by id. */
    public Map<String, Script> scripts() {
        return scripts;
    }

    /** A/B tests by id. */
    public Map<String, AbTest> tests() {
        return tests;
    }

    /** Sequences by id. */
    public Map<String, RetentionSequence> sequences() {
        return sequences;
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
        Script own = campaignScripts.get(new CampaignChannel(campaignId, channel));
        return Optional.ofNullable(own != null ? own : defaultScripts.get(channel));
    }

    /** The RUNNING script test for campaign and channel, if any (the earliest started if several). */
    public Optional<AbTest> runningTest(String campaignId, Channel channel) {
        return Optional.ofNullable(runningScriptTests.get(new CampaignChannel(campaignId, channel)));
    }

    /** The RUNNING timing test of {@code step} in campaign {@code campaignId}, if any (the earliest started if several). */
    public Optional<AbTest> runningTimingTest(String campaignId, StepTarget step) {
        return Optional.ofNullable(runningTimingTests.get(new CampaignStep(campaignId, step)));
    }
}
