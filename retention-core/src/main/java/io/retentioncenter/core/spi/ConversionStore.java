package io.retentioncenter.core.spi;

import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.conversion.ConversionCommand;
import io.retentioncenter.core.conversion.ConversionOutcome;
import io.retentioncenter.core.conversion.UnmatchedPostback;
import java.util.List;

/**
 * Conversions from tracker postbacks (replay-safe, moving the lead and ending its outreach
 * atomically) and the postbacks that matched no lead. A role of {@link RetentionStore}.
 */
public interface ConversionStore {
    /**
     * Applies a matched postback atomically: ignores a replayed {@code replayKey}; creates the
     * lead's conversion in the campaign or moves the existing one (LEAD → SALE, LEAD/SALE → REJECTED,
     * REBILL adds revenue to a SALE); on SALE moves the lead to CONVERTED, every ACTIVE or PAUSED
     * enrollment of the lead to CONVERTED and cancels its undispatched attempts; on REJECTED moves
     * the lead to REJECTED and exits its enrollments the same way. A postback whose move the
     * conversion does not allow is IGNORED and does not use up its replay key (a rebill that arrives
     * before its sale can be sent again).
     */
    ConversionOutcome recordConversion(ConversionCommand command);

    /** Conversions of a lead. */
    List<Conversion> conversionsOfLead(String leadId);

    /** Stores a postback that matched nothing, once per replay key. */
    void recordUnmatchedPostback(UnmatchedPostback postback);

    /** Unmatched postbacks, oldest first. */
    Page<UnmatchedPostback> listUnmatchedPostbacks(PageRequest page);
}
