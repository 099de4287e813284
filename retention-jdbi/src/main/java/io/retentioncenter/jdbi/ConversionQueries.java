package io.retentioncenter.jdbi;

import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.conversion.UnmatchedPostback;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads of {@code rc_conversion}, {@code rc_conversion_replay} and {@code rc_unmatched_postback}. */
interface ConversionQueries {

    /** The lead's conversion in the campaign. */
    @SqlQuery("SELECT * FROM <schema>rc_conversion WHERE lead_id = :leadId AND campaign_id = :campaignId")
    Optional<Conversion> find(@Bind("leadId") String leadId, @Bind("campaignId") String campaignId);

    /** Conversions of a lead, oldest first. */
    @SqlQuery("SELECT * FROM <schema>rc_conversion WHERE lead_id = :leadId ORDER BY occurred_at, id")
    List<Conversion> ofLead(@Bind("leadId") String leadId);

    /** Whether a postback with this replay key was applied. */
    @SqlQuery("SELECT COUNT(*) > 0 FROM <schema>rc_conversion_replay WHERE replay_key = :replayKey")
    boolean isReplay(@Bind("replayKey") String replayKey);

    /** Number of unmatched postbacks. */
    @SqlQuery("SELECT COUNT(*) FROM <schema>rc_unmatched_postback")
    long countUnmatched();

    /** One page of unmatched postbacks, oldest first. */
    @SqlQuery("SELECT * FROM <schema>rc_unmatched_postback ORDER BY received_at, replay_key LIMIT :limit"
            + " OFFSET :offset")
    List<UnmatchedPostback> unmatched(@Bind("offset") int offset, @Bind("limit") int limit);
}
