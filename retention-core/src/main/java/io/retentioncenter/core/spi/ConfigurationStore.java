package io.retentioncenter.core.spi;

import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.script.Script;
import io.retentioncenter.core.sequence.RetentionSequence;
import java.util.Optional;

/**
 * Writing the configuration (campaigns, scripts, A/B tests, sequences) and its version, which engine
 * instances poll to refresh their cached copy. A role of {@link RetentionStore}.
 */
public interface ConfigurationStore extends ConfigurationReads {
    /** Inserts or replaces a campaign and bumps {@link #configVersion()}. */
    void saveCampaign(Campaign campaign);

    /** The campaign with {@code id}. */
    Optional<Campaign> findCampaign(String id);

    /** Inserts or replaces a script and bumps {@link #configVersion()}. */
    void saveScript(Script script);

    /** Inserts or replaces an A/B test and bumps {@link #configVersion()}. */
    void saveAbTest(AbTest test);

    /** Inserts or replaces a sequence (steps included) and bumps {@link #configVersion()}. */
    void saveSequence(RetentionSequence sequence);

    /**
     * Deletes a sequence that has no enrollments and bumps {@link #configVersion()}.
     *
     * @return false when it does not exist or has enrollments (nothing changed)
     */
    boolean deleteSequence(String sequenceId);

    /**
     * A number that changes whenever a campaign, script, A/B test or sequence is saved or deleted
     * by any engine instance sharing this store; caches reload when it moves.
     */
    long configVersion();
}
