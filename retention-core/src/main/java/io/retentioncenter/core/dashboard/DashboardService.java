package io.retentioncenter.core.dashboard;

import io.retentioncenter.core.ValidationException;
import io.retentioncenter.core.internal.ConfigSnapshot;
import io.retentioncenter.core.internal.EngineContext;
import io.retentioncenter.core.internal.Require;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadEvent;
import io.retentioncenter.core.lead.LeadSearch;
import io.retentioncenter.core.lead.LeadStatus;
import io.retentioncenter.core.sequence.RetentionSequence;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.sequence.SequenceStep;
import io.retentioncenter.core.spi.DashboardReads;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's dashboards: a daily time series of activity in a chosen time zone, leads by status,
 * the steps due next and the latest events. Obtain it from {@code engine.dashboards()}.
 */
public final class DashboardService {
    /** Longest daily series, in days. */
    public static final int MAX_DAYS = 366;
    /** Most rows of a list (upcoming steps, recent activity). */
    public static final int MAX_ROWS = 1000;

    private static final long SLOT_MILLIS = DashboardReads.SLOT.toMillis();

    private final EngineContext ctx;

    /** Built by the engine. */
    public DashboardService(EngineContext ctx) {
        this.ctx = ctx;
    }

    /**
     * One row per local date from {@code from} to {@code to} (both included) in {@code zone}: leads
     * created, attempts created by channel and status, conversions first reported and the revenue of
     * the sales. Days follow the zone's clock changes (23 or 25 hours); days without activity are
     * present with zero counts.
     *
     * @throws ValidationException when an argument is missing, {@code to} is before {@code from}, a date
     *     lies outside the years 1 to 9999, or the range is longer than {@value #MAX_DAYS} days
     */
    public List<DailyActivity> daily(LocalDate from, LocalDate to, ZoneId zone) {
        Require.present(from, "from");
        Require.present(to, "to");
        Require.present(zone, "zone");
        if (to.isBefore(from)) {
            throw new ValidationException("to", "must not be before from");
        }
        if (from.getYear() < 1 || to.getYear() > 9999) {
            throw new ValidationException("from", "dates must lie in the years 1 to 9999");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            throw new ValidationException("to", "a series covers at most " + MAX_DAYS + " days, asked for " + days);
        }
        List<Instant> starts = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to.plusDays(1)); date = date.plusDays(1)) {
            starts.add(date.atStartOfDay(zone).toInstant());
        }
        List<ActivityCounts> counts = ctx.store().activityIn(starts.stream().map(DashboardService::slotFloor).toList());
        List<DailyActivity> series = new ArrayList<>();
        for (int day = 0; day < counts.size(); day++) {
            series.add(new DailyActivity(from.plusDays(day), starts.get(day), starts.get(day + 1), counts.get(day)));
        }
        return List.copyOf(series);
    }

    /** Every lead counted by status; every status is present. */
    public Map<LeadStatus, Long> leadsByStatus() {
        return ctx.store().countLeads(LeadSearch.all()).byStatus();
    }

    /**
     * The next {@code limit} steps due over all ACTIVE enrollments, earliest first (overdue ones
     * included), with their lead, sequence, step and channel. An enrollment whose step no longer
     * exists (its sequence lost steps since) is left out, so fewer than {@code limit} may come back.
     *
     * @throws ValidationException when {@code limit} is not 1..{@value #MAX_ROWS}
     */
    public List<UpcomingStep> upcomingSteps(int limit) {
        List<SequenceEnrollment> due = ctx.store().nextDueEnrollments(rows(limit));
        Map<String, Lead> leads = ctx.store().findLeads(due.stream().map(SequenceEnrollment::leadId).distinct().toList());
        ConfigSnapshot config = ctx.config().current();
        List<UpcomingStep> steps = new ArrayList<>();
        for (SequenceEnrollment enrollment : due) {
            Optional<RetentionSequence> sequence = config.sequence(enrollment.sequenceId());
            Optional<SequenceStep> step = sequence.flatMap(s -> s.step(enrollment.currentStep()));
            Lead lead = leads.get(enrollment.leadId());
            if (step.isPresent() && lead != null) {
                steps.add(new UpcomingStep(enrollment.id(), lead, sequence.get().id(), sequence.get().name(),
                        step.get().order(), step.get().channel(), step.get().enabled(), enrollment.nextExecuteAt()));
            }
        }
        return List.copyOf(steps);
    }

    /**
     * The latest {@code limit} events of any kind over all leads, newest first.
     *
     * @throws ValidationException when {@code limit} is not 1..{@value #MAX_ROWS}
     */
    public List<LeadEvent> recentActivity(int limit) {
        return ctx.store().recentEvents(rows(limit));
    }

    private static int rows(int limit) {
        if (limit < 1 || limit > MAX_ROWS) {
            throw new ValidationException("limit", "must be between 1 and " + MAX_ROWS + ", was " + limit);
        }
        return limit;
    }

    /** {@code at} down to a multiple of the slot: a no-op for midnights of zones with whole quarter-hour offsets. */
    private static Instant slotFloor(Instant at) {
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), SLOT_MILLIS) * SLOT_MILLIS);
    }
}
