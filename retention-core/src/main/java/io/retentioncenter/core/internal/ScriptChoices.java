package io.retentioncenter.core.internal;

import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.script.Script;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The answers of {@link ConfigSnapshot#runningTest} and {@link ConfigSnapshot#scriptFor} for one
 * snapshot, remembered per campaign and channel: both scan every test or script, and the tick asks
 * them once per step. A snapshot never changes, so neither do its answers. Thread-safe.
 */
final class ScriptChoices {
    private final ConfigSnapshot config;
    private final Map<Key, Optional<AbTest>> tests = new ConcurrentHashMap<>();
    private final Map<Key, Optional<Script>> scripts = new ConcurrentHashMap<>();

    private record Key(String campaignId, Channel channel) {
    }

    private ScriptChoices(ConfigSnapshot config) {
        this.config = config;
    }

    /** The choices of {@code config}: {@code last} when it was made for that very snapshot, else new ones. */
    static ScriptChoices of(ConfigSnapshot config, ScriptChoices last) {
        return last != null && last.config == config ? last : new ScriptChoices(config);
    }

    /** {@link ConfigSnapshot#runningTest}. */
    Optional<AbTest> runningTest(String campaignId, Channel channel) {
        return tests.computeIfAbsent(new Key(campaignId, channel), k -> config.runningTest(campaignId, channel));
    }

    /** {@link ConfigSnapshot#scriptFor}. */
    Optional<Script> scriptFor(String campaignId, Channel channel) {
        return scripts.computeIfAbsent(new Key(campaignId, channel), k -> config.scriptFor(campaignId, channel));
    }
}
