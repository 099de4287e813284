package io.retentioncenter.core.memory;

import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.script.Script;
import io.retentioncenter.core.sequence.RetentionSequence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Campaigns, scripts, A/B tests and sequences, in save order, and the version that moves on every
 * save or delete. Not thread-safe.
 */
final class ConfigRegistry {
    private final Map<String, Campaign> campaigns = new LinkedHashMap<>();
    private final Map<String, Script> scripts = new LinkedHashMap<>();
    private final Map<String, AbTest> abTests = new LinkedHashMap<>();
    private final Map<String, RetentionSequence> sequences = new LinkedHashMap<>();
    private long version;

    void save(Campaign campaign) {
        campaigns.put(campaign.id(), campaign);
        version++;
    }

    void save(Script script) {
        scripts.put(script.id(), script);
        version++;
    }

    void save(AbTest test) {
        abTests.put(test.id(), test);
        version++;
    }

    void save(RetentionSequence sequence) {
        sequences.put(sequence.id(), sequence);
        version++;
    }

    /** Removes a sequence; false when it does not exist. */
    boolean deleteSequence(String id) {
        if (sequences.remove(id) == null) {
            return false;
        }
        version++;
        return true;
    }

    /** Removes a script; false when it does not exist. */
    boolean deleteScript(String id) {
        if (scripts.remove(id) == null) {
            return false;
        }
        version++;
        return true;
    }

    Optional<Campaign> campaign(String id) {
        return Optional.ofNullable(campaigns.get(id));
    }

    Optional<AbTest> abTest(String id) {
        return Optional.ofNullable(abTests.get(id));
    }

    boolean hasSequence(String id) {
        return sequences.containsKey(id);
    }

    List<Campaign> campaigns() {
        return List.copyOf(campaigns.values());
    }

    List<Script> scripts() {
        return List.copyOf(scripts.values());
    }

    List<AbTest> abTests() {
        return List.copyOf(abTests.values());
    }

    List<RetentionSequence> sequences() {
        return List.copyOf(sequences.values());
    }

    long version() {
        return version;
    }
}
