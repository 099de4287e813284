package io.retentioncenter.core.spi;

import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.conversion.ConversionQuery;
import io.retentioncenter.core.conversion.ConversionTotals;
import io.retentioncenter.core.conversion.UnmatchedPostback;
import java.time.Instant;
import java.util.Optional;

/**
 * The operator's conversions page: conversions filtered and paged, their totals, and linking a
 * postback that matched no lead to one. A role of {@link RetentionStore}.
 */
public interface ConversionReviewStore {
    /** Conversions matching {@code query}, newest first (ties by id, descending). */
    Page<Conversion> listConversions(ConversionQuery query, PageRequest page);

    /** Counts and revenue of the conversions matching {@code query}. */
    ConversionTotals conversionTotals(ConversionQuery query);

    /** The unmatched postback with {@code replayKey}. */
    Optional<UnmatchedPostback> findUnmatchedPostback(String replayKey);

    /**
     * Links an unmatched postback to a lead unless it is linked already, atomically (compare-and-set:
     * of two callers at once, one links it).
     *
     * @return the postback as stored afterwards: linked to {@code leadId}, or to the lead it was
     *     linked to before (then nothing changed)
     * @throws io.retentioncenter.core.NotFoundException when the postback or the lead does not exist
     */
    UnmatchedPostback matchUnmatchedPostback(String replayKey, String leadId, Instant at);
}
