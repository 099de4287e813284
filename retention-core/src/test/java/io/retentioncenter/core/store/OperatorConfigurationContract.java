package io.retentioncenter.core.store;

import static io.retentioncenter.core.store.StoreFixtures.CAMPAIGN;
import static io.retentioncenter.core.store.StoreFixtures.SEQUENCE;
import static io.retentioncenter.core.store.StoreFixtures.campaign;
import static org.assertj.core.api.Assertions.assertThat;

import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.script.Script;
import io.retentioncenter.core.sequence.RetentionSequence;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Configuration the operator's pages add: descriptions of campaigns, scripts and sequences, stored
 * and replaced with them, and script deletion ({@code ConfigurationRemovals}).
 */
public interface OperatorConfigurationContract extends StoreUnderTest {
    /** Several lines, a tab and characters beyond the BMP, as an operator may write them. */
    String DESCRIPTION = "Spring promo for ES leads.\n\tSecond line — niño 🚀";

    @Test
    default void descriptionsAreStoredAndReplacedWithTheirConfiguration() {
        Campaign c = campaign(CAMPAIGN);
        Campaign described = new Campaign(c.id(), c.name(), c.status(), c.autoAssign(), c.schedule(), c.rateLimits(),
                c.contactLimit(), c.sequenceId(), c.settings(), c.createdAt(), c.updatedAt(), Optional.of(DESCRIPTION));
        store().saveCampaign(described);
        Script s = StoreFixtures.script("script_1");
        store().saveScript(new Script(s.id(), s.name(), s.channel(), s.campaignId(), s.subject(), s.body(),
                s.settings(), Optional.of(DESCRIPTION)));
        RetentionSequence q = StoreFixtures.sequence(SEQUENCE, CAMPAIGN, 2);
        store().saveSequence(new RetentionSequence(q.id(), q.name(), q.status(), q.campaignId(), q.reenrollCooldown(),
                q.steps(), q.oneShot(), q.createdAt(), q.updatedAt(), Optional.of(DESCRIPTION)));

        assertThat(store().findCampaign(CAMPAIGN).orElseThrow().description()).contains(DESCRIPTION);
        assertThat(store().listScripts().get(0).description()).contains(DESCRIPTION);
        assertThat(store().listSequences().get(0).description()).contains(DESCRIPTION);

        store().saveCampaign(c);
        store().saveScript(s);
        store().saveSequence(q);
        assertThat(store().findCampaign(CAMPAIGN).orElseThrow().description()).isEmpty();
        assertThat(store().listScripts()).containsExactly(s);
        assertThat(store().listSequences()).containsExactly(q);
    }

    @Test
    default void aDeletedScriptIsGoneAndMovesTheConfigVersion() {
        store().saveCampaign(campaign(CAMPAIGN));
        store().saveScript(StoreFixtures.script("script_1"));
        store().saveScript(StoreFixtures.script("script_2"));
        long before = store().configVersion();

        assertThat(store().deleteScript("script_1")).isTrue();

        assertThat(store().configVersion()).isNotEqualTo(before);
        assertThat(store().listScripts()).containsExactly(StoreFixtures.script("script_2"));
        long after = store().configVersion();
        assertThat(store().deleteScript("script_1")).isFalse();
        assertThat(store().configVersion()).isEqualTo(after);
    }
}
