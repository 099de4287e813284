package io.retentioncenter.jdbi;

import io.retentioncenter.core.campaign.Campaign;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.script.Script;
import io.retentioncenter.core.sequence.RetentionSequence;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads of the configuration tables; lists come in first-save order. */
interface ConfigQueries {

    /** The campaign with {@code id}. */
    @SqlQuery("SELECT * FROM <schema>rc_campaign WHERE id = :id")
    Optional<Campaign> campaign(@Bind("id") String id);

    /** All campaigns. */
    @SqlQuery("SELECT * FROM <schema>rc_campaign ORDER BY seq")
    List<Campaign> campaigns();

    /** Number of ACTIVE members of the campaign; zero for an unknown campaign. */
    @SqlQuery("SELECT COUNT(*) FROM <schema>rc_campaign_lead WHERE campaign_id = :id AND status = 'ACTIVE'")
    long leadCount(@Bind("id") String campaignId);

    /** All scripts. */
    @SqlQuery("SELECT * FROM <schema>rc_script ORDER BY seq")
    List<Script> scripts();

    /** The A/B test with {@code id}. */
    @SqlQuery("SELECT * FROM <schema>rc_ab_test WHERE id = :id")
    Optional<AbTest> abTest(@Bind("id") String id);

    /** All A/B tests. */
    @SqlQuery("SELECT * FROM <schema>rc_ab_test ORDER BY seq")
    List<AbTest> abTests();

    /** All sequences. */
    @SqlQuery("SELECT * FROM <schema>rc_sequence ORDER BY seq")
    List<RetentionSequence> sequences();

    /** The configuration version. */
    @SqlQuery("SELECT version FROM <schema>rc_config_version WHERE id = 1")
    long version();
}
