package io.retentioncenter.host.api;

import io.retentioncenter.core.RetentionEngine;
import io.retentioncenter.core.dashboard.DailyActivity;
import io.retentioncenter.core.dashboard.UpcomingStep;
import io.retentioncenter.core.lead.LeadStatus;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's figures: {@code engine.dashboards()}. 400 for a malformed or out-of-range parameter. */
@RestController
@RequestMapping("/api/dashboards")
public class DashboardController {
    private final RetentionEngine engine;

    DashboardController(RetentionEngine engine) {
        this.engine = engine;
    }

    /** One row per day of {@code from}..{@code to} (dates, both required) in {@code zone} (default UTC). */
    @GetMapping("/daily")
    List<DailyActivity> daily(@RequestParam MultiValueMap<String, String> params) {
        QueryParams q = new QueryParams(params);
        return engine.dashboards().daily(q.date("from").orElse(null), q.date("to").orElse(null), q.zone("zone"));
    }

    @GetMapping("/leads-by-status")
    Map<LeadStatus, Long> leadsByStatus() {
        return engine.dashboards().leadsByStatus();
    }

    /** The next {@code limit} (default 20) steps due, soonest first. */
    @GetMapping("/upcoming-steps")
    List<UpcomingStep> upcomingSteps(@RequestParam(defaultValue = "20") int limit) {
        return engine.dashboards().upcomingSteps(limit);
    }

    /** The latest {@code limit} (default 20) lead events, newest first. */
    @GetMapping("/recent-activity")
    List<TimelineEntry> recentActivity(@RequestParam(defaultValue = "20") int limit) {
        return TimelineEntry.of(engine.dashboards().recentActivity(limit));
    }
}
