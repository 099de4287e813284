package io.retentioncenter.core.spi;

import io.retentioncenter.core.dashboard.ActivityCounts;
import io.retentioncenter.core.lead.LeadEvent;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the operator's dashboards read: activity counted in consecutive spans of time (a time zone's
 * days), the enrollments due next, and the latest events. A role of {@link RetentionStore}.
 */
public interface DashboardReads {
    /**
     * The grain of bucket boundaries: each is a multiple of it since the epoch, which every time zone's
     * midnights are (offsets are whole quarter hours), so a store may count per quarter hour and add up.
     */
    Duration SLOT = Duration.ofMinutes(15);

    /** Most buckets one call counts. */
    int MAX_BUCKETS = 1000;

    /**
     * Leads created, attempts created, and conversions first reported, counted in the buckets
     * {@code [boundaries[i], boundaries[i+1])}: one entry per bucket, in order, {@link ActivityCounts#NONE}
     * where nothing happened. The boundaries increase strictly, are multiples of {@link #SLOT}, and
     * there are 2 to {@value #MAX_BUCKETS} + 1 of them.
     */
    List<ActivityCounts> activityIn(List<Instant> boundaries);

    /** The first {@code limit} ACTIVE enrollments by next due time (ties by id), overdue ones included. */
    List<SequenceEnrollment> nextDueEnrollments(int limit);

    /**
     * The latest {@code limit} events of any kind over all leads (leads created, status changes,
     * attempts, step executions, conversions), newest first: the reverse of {@link LeadEvent#IN_TIME_ORDER}.
     */
    List<LeadEvent> recentEvents(int limit);
}
