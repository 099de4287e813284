package io.retentioncenter.core.spi;

import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.script.Script;
import io.retentioncenter.core.sequence.RetentionSequence;
import java.util.List;

/**
 * Reading the configuration: campaigns, scripts, A/B tests and sequences. Shared by
 * {@link ConfigurationStore} and {@link FactSource}.
 */
public interface ConfigurationReads {
    /** All campaigns. */
    List<Campaign> listCampaigns();

    /** All scripts. */
    List<Script> listScripts();

    /** All A/B tests. */
    List<AbTest> listAbTests();

    /** All sequences. */
    List<RetentionSequence> listSequences();
}
