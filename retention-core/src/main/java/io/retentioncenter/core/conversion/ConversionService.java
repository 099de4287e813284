package io.retentioncenter.core.conversion;

import io.retentioncenter.core.Page;
import io.retentioncenter.core.PageRequest;
import io.retentioncenter.core.inbound.InboundService;
import io.retentioncenter.core.inbound.KeitaroResult;
import io.retentioncenter.core.internal.EngineContext;
import io.retentioncenter.core.internal.Require;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * The conversions page: conversions filtered and paged, totals and revenue for today, this week or
 * any range, and the postbacks that matched no lead, which an operator can link to a lead. "Today"
 * and "this week" (Monday to Sunday) are read off the engine's clock in the zone given. Obtain it
 * from {@code engine.conversions()}.
 */
public final class ConversionService {
    private final EngineContext ctx;
    private final InboundService inbound;

    /** Built by the engine. */
    public ConversionService(EngineContext ctx, InboundService inbound) {
        this.ctx = ctx;
        this.inbound = inbound;
    }

    /** Conversions matching {@code query}, newest first. */
    public Page<Conversion> list(ConversionQuery query, PageRequest page) {
        return ctx.store().listConversions(Require.present(query, "query"), Require.present(page, "page"));
    }

    /** Counts and revenue of the conversions matching {@code query}. */
    public ConversionTotals totals(ConversionQuery query) {
        return ctx.store().conversionTotals(Require.present(query, "query"));
    }

    /**
     * Totals of the conversions that occurred in {@code [from, to)}.
     *
     * @throws io.retentioncenter.core.ValidationException when {@code to} is not after {@code from}
     */
    public ConversionTotals totals(Instant from, Instant to) {
        return totals(ConversionQuery.all().between(from, to));
    }

    /** Totals of the conversions that occurred today, midnight to midnight in {@code zone}. */
    public ConversionTotals today(ZoneId zone) {
        return today(zone, ConversionQuery.all());
    }

    /**
     * Totals of the conversions matching {@code filter} that occurred today in {@code zone} (its range
     * replaced).
     */
    public ConversionTotals today(ZoneId zone, ConversionQuery filter) {
        LocalDate today = ctx.now().atZone(Require.present(zone, "zone")).toLocalDate();
        return within(filter, today, today.plusDays(1), zone);
    }

    /** Totals of the conversions that occurred this week, from Monday 00:00 in {@code zone}, for 7 days. */
    public ConversionTotals thisWeek(ZoneId zone) {
        return thisWeek(zone, ConversionQuery.all());
    }

    /**
     * Totals of the conversions matching {@code filter} that occurred this week in {@code zone} (its
     * range replaced).
     */
    public ConversionTotals thisWeek(ZoneId zone, ConversionQuery filter) {
        LocalDate monday = ctx.now().atZone(Require.present(zone, "zone")).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return within(filter, monday, monday.plusWeeks(1), zone);
    }

    private ConversionTotals within(ConversionQuery filter, LocalDate first, LocalDate end, ZoneId zone) {
        return totals(Require.present(filter, "filter").between(first.atStartOfDay(zone).toInstant(),
                end.atStartOfDay(zone).toInstant()));
    }

    /** Postbacks that matched no lead, oldest first, each showing the lead it was linked to since, if any. */
    public Page<UnmatchedPostback> unmatched(PageRequest page) {
        return ctx.store().listUnmatchedPostbacks(Require.present(page, "page"));
    }

    /**
     * Links an unmatched postback to a lead and applies it; see {@link InboundService#rematchPostback}.
     * The conversion is created once: re-matching to the same lead again changes nothing (REPLAY),
     * re-matching to another lead is refused.
     */
    public KeitaroResult rematch(String replayKey, String leadId) {
        return inbound.rematchPostback(replayKey, leadId);
    }
}
