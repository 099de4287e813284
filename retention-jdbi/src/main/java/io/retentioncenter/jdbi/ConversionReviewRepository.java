package io.retentioncenter.jdbi;

import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.conversion.ConversionQuery;
import io.retentioncenter.core.conversion.ConversionTotals;
import io.retentioncenter.core.conversion.UnmatchedPostback;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.Query;

/** The conversions page: filtered listings and totals of conversions, and re-matching unmatched postbacks. */
final class ConversionReviewRepository {
    private static final String COUNTS = "SELECT COUNT(*) AS n,"
            + " COALESCE(SUM(CASE WHEN c.status = 'SALE' THEN 1 ELSE 0 END), 0) AS sales,"
            + " COALESCE(SUM(CASE WHEN c.status = 'REJECTED' THEN 1 ELSE 0 END), 0) AS rejected"
            + " FROM <schema>rc_conversion c";
    private static final String REVENUE = "SELECT c.currency, SUM(c.revenue) AS revenue,"
            + " MAX(c.revenue_scale) AS revenue_scale FROM <schema>rc_conversion c";
    private static final String FIND_UNMATCHED = "SELECT * FROM <schema>rc_unmatched_postback"
            + " WHERE replay_key = :replayKey";
    private static final String LEAD_EXISTS = "SELECT id FROM <schema>rc_lead WHERE id = :leadId";
    private static final String MATCH = "UPDATE <schema>rc_unmatched_postback SET matched_lead_id = :leadId,"
            + " matched_at = :at WHERE replay_key = :replayKey";

    private final Database db;

    ConversionReviewRepository(Database db) {
        this.db = db;
    }

    Page<Conversion> page(ConversionQuery query, PageRequest page) {
        String where = where(query);
        return db.withHandle("listConversions", h -> {
            long total = bind(h.createQuery("SELECT COUNT(*) FROM <schema>rc_conversion c" + where), query)
                    .mapTo(Long.class).one();
            List<Conversion> items = bind(h.createQuery("SELECT c.* FROM <schema>rc_conversion c" + where
                    + " ORDER BY c.occurred_at DESC, c.id DESC LIMIT :limit OFFSET :offset"), query)
                    .bind("limit", page.limit()).bind("offset", page.offset())
                    .mapTo(Conversion.class).list();
            return new Page<>(items, page.offset(), total);
        });
    }

    ConversionTotals totals(ConversionQuery query) {
        String where = where(query);
        return db.withHandle("conversionTotals", h -> {
            long[] counts = bind(h.createQuery(COUNTS + where), query)
                    .map((rs, ctx) -> new long[] {rs.getLong("n"), rs.getLong("sales"), rs.getLong("rejected")}).one();
            Map<String, BigDecimal> byCurrency = new HashMap<>();
            bind(h.createQuery(REVENUE + where + " AND c.status = 'SALE' GROUP BY c.currency"), query)
                    .map((rs, ctx) -> Map.entry(
                            Columns.optionalText(rs, "currency").orElse(ConversionTotals.NO_CURRENCY),
                            rs.getBigDecimal("revenue").setScale(rs.getInt("revenue_scale"))))
                    .forEach(e -> byCurrency.put(e.getKey(), e.getValue()));
            BigDecimal revenue = byCurrency.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            return new ConversionTotals(counts[0], counts[1], counts[2], revenue, byCurrency);
        });
    }

    private static String where(ConversionQuery query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        query.status().ifPresent(s -> where.append(" AND c.status = :status"));
        query.campaignId().ifPresent(id -> where.append(" AND c.campaign_id = :campaignId"));
        query.channel().ifPresent(ch -> where.append(" AND c.channel = :channel"));
        query.from().ifPresent(at -> where.append(" AND c.occurred_at >= :from"));
        query.to().ifPresent(at -> where.append(" AND c.occurred_at < :to"));
        query.source().ifPresent(s -> where.append(" AND EXISTS (SELECT 1 FROM <schema>rc_lead l"
                + " WHERE l.id = c.lead_id AND l.source = :source)"));
        return where.toString();
    }

    private static Query bind(Query statement, ConversionQuery query) {
        query.status().ifPresent(s -> statement.bind("status", s.name()));
        query.campaignId().ifPresent(id -> statement.bind("campaignId", id));
        query.channel().ifPresent(ch -> statement.bind("channel", ch.name()));
        query.from().ifPresent(at -> statement.bindByType("from", at, Instant.class));
        query.to().ifPresent(at -> statement.bindByType("to", at, Instant.class));
        query.source().ifPresent(s -> statement.bind("source", s.name()));
        return statement;
    }

    Optional<UnmatchedPostback> findUnmatched(String replayKey) {
        return db.withHandle("findUnmatchedPostback", h -> h.createQuery(FIND_UNMATCHED).bind("replayKey", replayKey)
                .mapTo(UnmatchedPostback.class).findOne());
    }

    /** Locks the postback's row, so that of two callers at once the second sees the first one's link. */
    UnmatchedPostback match(String replayKey, String leadId, Instant at) {
        return db.inTransaction("matchUnmatchedPostback", h -> {
            UnmatchedPostback postback = h.createQuery(FIND_UNMATCHED + " FOR UPDATE").bind("replayKey", replayKey)
                    .mapTo(UnmatchedPostback.class).findOne()
                    .orElseThrow(() -> new NotFoundException("unmatched postback", replayKey));
            if (h.createQuery(LEAD_EXISTS).bind("leadId", leadId).mapTo(String.class).findOne().isEmpty()) {
                throw new NotFoundException("lead", leadId);
            }
            if (postback.matchedLeadId().isPresent()) {
                return postback;
            }
            h.createUpdate(MATCH).bind("leadId", leadId).bindByType("at", at, Instant.class)
                    .bind("replayKey", replayKey).execute();
            return postback.matchedTo(leadId, at);
        });
    }
}
