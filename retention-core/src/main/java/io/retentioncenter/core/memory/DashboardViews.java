package io.retentioncenter.core.memory;

import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.conversion.ConversionStatus;
import io.retentioncenter.core.dashboard.ActivityCounts;
import io.retentioncenter.core.lead.LeadEvent;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.spi.DashboardReads;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/** The dashboards' reads over the tables in memory. Not thread-safe: the store calls it under its lock. */
final class DashboardViews {
    private static final long SLOT_MILLIS = DashboardReads.SLOT.toMillis();

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

    SortedMap<Instant, ActivityCounts> activityBySlot(Instant from, Instant to) {
        SortedMap<Instant, ActivityCounts> slots = new TreeMap<>();
        in(leads.createdIndex(), from, to).forEach(key -> add(slots, key.at(),
                new ActivityCounts(1, Map.of(), Map.of(), BigDecimal.ZERO)));
        in(attempts.createdIndex(), from, to).map(key -> attempts.find(key.id()).orElseThrow())
                .forEach(a -> add(slots, a.createdAt(), attempt(a.channel(), a.status())));
        in(conversions.occurredIndex(), from, to).map(key -> conversions.find(key.id()).orElseThrow())
                .forEach(c -> add(slots, c.occurredAt(), conversion(c)));
        return Collections.unmodifiableSortedMap(slots);
    }

    private static Stream<TimeKey> in(TimeIndex index, Instant from, Instant to) {
        return index.slice(TimeKey.floor(from), true, to, Integer.MAX_VALUE).stream();
    }

    private static ActivityCounts attempt(Channel channel, AttemptStatus status) {
        return new ActivityCounts(0, Map.of(channel, Map.of(status, 1L)), Map.of(), BigDecimal.ZERO);
    }

    private static ActivityCounts conversion(Conversion c) {
        return new ActivityCounts(0, Map.of(), Map.of(c.status(), 1L),
                c.status() == ConversionStatus.SALE ? c.revenue() : BigDecimal.ZERO);
    }

    private static void add(SortedMap<Instant, ActivityCounts> slots, Instant at, ActivityCounts counts) {
        Instant slot = Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), SLOT_MILLIS) * SLOT_MILLIS);
        slots.merge(slot, counts, ActivityCounts::plus);
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
