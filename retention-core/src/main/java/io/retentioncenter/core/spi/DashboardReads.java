package io.retentioncenter.core.spi;

import io.retentioncenter.core.dashboard.ActivityCounts;
import io.retentioncenter.core.lead.LeadEvent;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

/**
 * What the operator's dashboards read: activity counted per quarter hour (which every time zone's
 * days are made of), the enrollments due next, and the latest events. A role of {@link RetentionStore}.
 */
public interface DashboardReads {
    /** The length of a counting slot; slots start at multiples of it since the epoch. */
    Duration SLOT = Duration.ofMinutes(15);

    /**
     * Leads created, attempts created, and conversions first reported in {@code [from, to)}, counted
     * per slot, keyed by the slot's start; slots where nothing happened are absent. {@code from} and
     * {@code to} are slot starts.
     */
    SortedMap<Instant, ActivityCounts> activityBySlot(Instant from, Instant to);

    /** The first {@code limit} ACTIVE enrollments by next due time (ties by id), overdue ones included. */
    List<SequenceEnrollment> nextDueEnrollments(int limit);

    /**
     * The latest {@code limit} events of any kind over all leads (leads created, status changes,
     * attempts, step executions, conversions), newest first: the reverse of {@link LeadEvent#IN_TIME_ORDER}.
     */
    List<LeadEvent> recentEvents(int limit);
}
