package io.retentioncenter.host.api;

import io.retentioncenter.core.Page;
import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.conversion.ConversionQuery;
import io.retentioncenter.core.conversion.ConversionStatus;
import io.retentioncenter.core.conversion.ConversionTotals;
import io.retentioncenter.core.conversion.UnmatchedPostback;
import io.retentioncenter.core.inbound.KeitaroResult;
import io.retentioncenter.core.lead.LeadSource;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Conversions, their totals and the postbacks that matched no lead: {@code engine.conversions()}.
 * The filter parameters are {@code source}, {@code status}, {@code campaignId}, {@code channel},
 * {@code from} and {@code to} (ISO instants); 400 names a malformed one; 404 for an unknown postback
 * or lead on re-match.
 */
@RestController
@RequestMapping("/api/conversions")
public class ConversionController {
    private final RetentionEngine engine;

    ConversionController(RetentionEngine engine) {
        this.engine = engine;
    }

    /** Matching conversions, paged by {@code offset}/{@code limit}. */
    @GetMapping
    Page<Conversion> list(@RequestParam MultiValueMap<String, String> params) {
        QueryParams q = new QueryParams(params);
        return engine.conversions().list(query(q), q.page());
    }

    @GetMapping("/totals")
    ConversionTotals totals(@RequestParam MultiValueMap<String, String> params) {
        return engine.conversions().totals(query(new QueryParams(params)));
    }

    /** Totals of today in {@code zone} (default UTC), under the filter parameters. */
    @GetMapping("/today")
    ConversionTotals today(@RequestParam MultiValueMap<String, String> params) {
        QueryParams q = new QueryParams(params);
        return engine.conversions().today(q.zone("zone"), query(q));
    }

    /** Totals of this week (from Monday) in {@code zone} (default UTC), under the filter parameters. */
    @GetMapping("/this-week")
    ConversionTotals thisWeek(@RequestParam MultiValueMap<String, String> params) {
        QueryParams q = new QueryParams(params);
        return engine.conversions().thisWeek(q.zone("zone"), query(q));
    }

    /** Postbacks whose sub id matched no lead, newest first, paged by {@code offset}/{@code limit}. */
    @GetMapping("/unmatched")
    Page<UnmatchedPostback> unmatched(@RequestParam MultiValueMap<String, String> params) {
        return engine.conversions().unmatched(new QueryParams(params).page());
    }

    /** Applies an unmatched postback to the lead an operator chose; a repeat changes nothing. */
    @PostMapping("/unmatched/rematch")
    KeitaroResult rematch(@RequestBody RematchRequest body) {
        return engine.conversions().rematch(body.replayKey(), body.leadId());
    }

    /** Body of a re-match: the postback (its {@code replayKey} from the unmatched list) and the lead it belongs to. */
    public record RematchRequest(String replayKey, String leadId) {
    }

    private static ConversionQuery query(QueryParams q) {
        return new ConversionQuery(q.enumValue("source", LeadSource.class), q.enumValue("status", ConversionStatus.class),
                q.text("campaignId"), q.enumValue("channel", Channel.class), q.instant("from"), q.instant("to"));
    }
}
