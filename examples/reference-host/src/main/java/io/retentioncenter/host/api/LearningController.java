package io.retentioncenter.host.api;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.learning.report.LearningReport;
import io.retentioncenter.learning.report.LearningReports;
import io.retentioncenter.learning.report.ReportQuery;
import io.retentioncenter.learning.report.ReportScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Learning report, as JSON for a host's own UI and as the self-contained HTML page. Parameters:
 * {@code from}/{@code to} (instants; default the last 30 days up to now), and at most one of
 * {@code campaignId} or {@code sequenceId} (default: all campaigns). 400 for a malformed parameter.
 */
@RestController
@RequestMapping("/api/learning")
public class LearningController {
    private static final Duration DEFAULT_RANGE = Duration.ofDays(30);

    private final LearningReports reports;
    private final Clock clock;

    LearningController(LearningReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping(value = "/report", produces = MediaType.APPLICATION_JSON_VALUE)
    String json(@RequestParam MultiValueMap<String, String> params) {
        return report(params).toJson();
    }

    @GetMapping(value = "/report.html", produces = MediaType.TEXT_HTML_VALUE)
    String html(@RequestParam MultiValueMap<String, String> params) {
        return report(params).toHtml();
    }

    private LearningReport report(MultiValueMap<String, String> params) {
        QueryParams q = new QueryParams(params);
        Instant to = q.instant("to").orElseGet(clock::instant);
        Instant from = q.instant("from").orElseGet(() -> to.minus(DEFAULT_RANGE));
        return reports.report(ReportQuery.between(from, to).scope(scope(q)).build());
    }

    private static ReportScope scope(QueryParams q) {
        var campaign = q.text("campaignId");
        var sequence = q.text("sequenceId");
        if (campaign.isPresent() && sequence.isPresent()) {
            throw new ValidationException("campaignId", "give campaignId or sequenceId, not both");
        }
        return campaign.map(ReportScope::campaign).or(() -> sequence.map(ReportScope::sequence))
                .orElseGet(ReportScope::global);
    }
}
