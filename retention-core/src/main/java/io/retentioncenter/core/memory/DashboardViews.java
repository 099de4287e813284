package io.retentioncenter.core.memory;

import io.retentioncenter.core.conversion.ConversionStatus;
import io.retentioncenter.core.dashboard.ActivityCounts;
import io.retentioncenter.core.internal.TimeBuckets;
import io.retentioncenter.core.lead.LeadEvent;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/** The dashboards' reads over the tables in memory. Not thread-safe: the store calls it under its lock. */
final class DashboardViews {
    private final LeadTable leads;
    private final AttemptTable attempts;
    private final ConversionBook conversions;
    private final EnrollmentTable enrollments;
    private final ExecutionTable executions;

    DashboardViews(LeadTable leads, AttemptTable attempts, ConversionBook conversions, EnrollmentTable enrollments,
            ExecutionTable executions) {
        this.leads = leads;
        this.attempts = attempts;
        this.conversions = conversions;
        this.enrollments = enrollments;
        this.executions = executions;
    }

    List<ActivityCounts> activityIn(List<Instant> boundaries) {
        TimeBuckets buckets = new TimeBuckets(boundaries);
        in(leads.createdIndex(), buckets).forEach(key -> buckets.add(key.at(),
                new ActivityCounts(1, Map.of(), Map.of(), BigDecimal.ZERO)));
        in(attempts.createdIndex(), buckets).map(key -> attempts.find(key.id()).orElseThrow())
                .forEach(a -> buckets.add(a.createdAt(), new ActivityCounts(0, Map.of(a.channel(), Map.of(a.status(), 1L)),
                        Map.of(), BigDecimal.ZERO)));
        in(conversions.occurredIndex(), buckets).map(key -> conversions.find(key.id()).orElseThrow())
                .forEach(c -> buckets.add(c.occurredAt(), new ActivityCounts(0, Map.of(), Map.of(c.status(), 1L),
                        c.status() == ConversionStatus.SALE ? c.revenue() : BigDecimal.ZERO)));
        return buckets.counts();
    }

    private static Stream<TimeKey> in(TimeIndex index, TimeBuckets buckets) {
        return index.slice(TimeKey.floor(buckets.from()), true, buckets.to(), Integer.MAX_VALUE).stream();
    }

    List<SequenceEnrollment> nextDue(int limit) {
        return enrollments.nextDue(limit);
    }

    List<LeadEvent> recent(int limit) {
        List<LeadEvent> events = new ArrayList<>();
        latest(leads.createdIndex(), limit, id -> leads.find(id).map(LeadEvent.Created::new), events);
        latest(leads.history().changedIndex(), limit,
                id -> leads.history().find(id).map(LeadEvent.StatusChanged::new), events);
        latest(attempts.createdIndex(), limit, id -> attempts.find(id).map(LeadEvent.Attempted::new), events);
        latest(executions.executedIndex(), limit, id -> executions.find(id).flatMap(e -> enrollments
                .find(e.enrollmentId()).map(en -> new LeadEvent.StepExecuted(en.leadId(), e))), events);
        latest(conversions.occurredIndex(), limit, id -> conversions.find(id).map(LeadEvent.Converted::new), events);
        return events.stream().sorted(LeadEvent.IN_TIME_ORDER.reversed()).limit(limit).toList();
    }

    private static <T extends LeadEvent> void latest(TimeIndex index, int limit,
            Function<String, Optional<T>> lookup, List<LeadEvent> into) {
        index.latest(limit).forEach(key -> lookup.apply(key.id()).ifPresent(into::add));
    }
}
