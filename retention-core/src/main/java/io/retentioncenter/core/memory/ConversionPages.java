package io.retentioncenter.core.memory;

import io.retentioncenter.core.NotFoundException;
import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.conversion.ConversionQuery;
import io.retentioncenter.core.conversion.ConversionStatus;
import io.retentioncenter.core.conversion.ConversionTotals;
import io.retentioncenter.core.conversion.UnmatchedPostback;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The conversions page of the in-memory store: filtered listings, totals, re-matching. Not thread-safe. */
final class ConversionPages {
    private static final Comparator<Conversion> NEWEST_FIRST = Comparator.comparing(Conversion::occurredAt)
            .thenComparing(Conversion::id).reversed();

    private final LeadTable leads;
    private final ConversionBook conversions;
    private final UnmatchedPostbacks unmatched;

    ConversionPages(LeadTable leads, ConversionBook conversions, UnmatchedPostbacks unmatched) {
        this.leads = leads;
        this.conversions = conversions;
        this.unmatched = unmatched;
    }

    Page<Conversion> list(ConversionQuery query, PageRequest page) {
        List<Conversion> matching = matching(query);
        return Pages.of(matching.stream().sorted(NEWEST_FIRST), matching.size(), page);
    }

    ConversionTotals totals(ConversionQuery query) {
        long sales = 0;
        long rejected = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        Map<String, BigDecimal> byCurrency = new HashMap<>();
        List<Conversion> matching = matching(query);
        for (Conversion c : matching) {
            if (c.status() == ConversionStatus.SALE) {
                sales++;
                revenue = revenue.add(c.revenue());
                byCurrency.merge(c.currency().orElse(ConversionTotals.NO_CURRENCY), c.revenue(), BigDecimal::add);
            } else if (c.status() == ConversionStatus.REJECTED) {
                rejected++;
            }
        }
        return new ConversionTotals(matching.size(), sales, rejected, revenue, byCurrency);
    }

    private List<Conversion> matching(ConversionQuery query) {
        return conversions.occurredIndex().stream()
                .map(key -> conversions.find(key.id()).orElseThrow())
                .filter(c -> query.matches(c, leads.require(c.leadId()).source()))
                .toList();
    }

    UnmatchedPostback match(String replayKey, String leadId, Instant at) {
        UnmatchedPostback postback = unmatched.find(replayKey)
                .orElseThrow(() -> new NotFoundException("unmatched postback", replayKey));
        leads.require(leadId);
        if (postback.matchedLeadId().isPresent()) {
            return postback;
        }
        UnmatchedPostback matched = postback.matchedTo(leadId, at);
        unmatched.replace(matched);
        return matched;
    }
}
