package io.retentioncenter.jdbi;

import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.contact.ContactAttempt;
import io.retentioncenter.core.conversion.Conversion;
import io.retentioncenter.core.conversion.ConversionStatus;
import io.retentioncenter.core.dashboard.ActivityCounts;
import io.retentioncenter.core.internal.TimeBuckets;
import io.retentioncenter.core.lead.Lead;
import io.retentioncenter.core.lead.LeadEvent;
import io.retentioncenter.core.sequence.SequenceEnrollment;
import io.retentioncenter.core.spi.DashboardReads;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The dashboards' reads: activity counted per bucket in the database (each table read through its
 * time index), the due index of ACTIVE enrollments, and the latest rows of each event table merged
 * newest first.
 */
final class DashboardRepository {
    private static final long SLOT_SECONDS = DashboardReads.SLOT.toSeconds();
    private static final String LEADS = "SELECT bucket, COUNT(*) AS n FROM (SELECT <bucket> AS bucket"
            + " FROM <schema>rc_lead WHERE created_at >= :from AND created_at < :to) x GROUP BY bucket";
    private static final String ATTEMPTS = "SELECT bucket, channel, status, COUNT(*) AS n FROM (SELECT <bucket>"
            + " AS bucket, channel, status FROM <schema>rc_attempt WHERE created_at >= :from AND created_at < :to) x"
            + " GROUP BY bucket, channel, status";
    private static final String CONVERSIONS = "SELECT bucket, status, COUNT(*) AS n, SUM(revenue) AS revenue FROM"
            + " (SELECT <bucket> AS bucket, status, revenue FROM <schema>rc_conversion"
            + " WHERE occurred_at >= :from AND occurred_at < :to) x GROUP BY bucket, status";
    private static final String NEXT_DUE = "SELECT * FROM <schema>rc_enrollment WHERE status = 'ACTIVE'"
            + " ORDER BY next_execute_at, id LIMIT :limit";
    private static final String LATEST_LEADS = "SELECT * FROM <schema>rc_lead ORDER BY created_at DESC, id DESC"
            + " LIMIT :limit";
    private static final String LATEST_STATUS_CHANGES = "SELECT * FROM <schema>rc_lead_status_change"
            + " ORDER BY changed_at DESC, id DESC LIMIT :limit";
    private static final String LATEST_ATTEMPTS = "SELECT * FROM <schema>rc_attempt ORDER BY created_at DESC, id DESC"
            + " LIMIT :limit";
    private static final String LATEST_EXECUTIONS = "SELECT x.*, e.lead_id AS enrollment_lead_id"
            + " FROM <schema>rc_execution x JOIN <schema>rc_enrollment e ON e.id = x.enrollment_id"
            + " ORDER BY x.executed_at DESC, x.id DESC LIMIT :limit";
    private static final String LATEST_CONVERSIONS = "SELECT * FROM <schema>rc_conversion"
            + " ORDER BY occurred_at DESC, id DESC LIMIT :limit";

    private final Database db;

    DashboardRepository(Database db) {
        this.db = db;
    }

    /**
     * Counts the activity in the buckets between {@code boundaries}. PostgreSQL numbers the buckets
     * itself ({@code width_bucket} over the boundaries), so each table yields a row per bucket, channel
     * and status; H2 counts per quarter-hour slot, which the boundaries are made of, and the slots
     * are added up here.
     */
    List<ActivityCounts> activityIn(List<Instant> boundaries) {
        TimeBuckets buckets = new TimeBuckets(boundaries);
        boolean postgres = db.dialect() == Dialect.POSTGRESQL;
        String[] bounds = boundaries.stream().map(Instant::toString).toArray(String[]::new);
        BiConsumer<Long, ActivityCounts> add = postgres
                ? (bucket, counts) -> buckets.add(bucket.intValue() - 1, counts)
                : (slot, counts) -> buckets.add(Instant.ofEpochSecond(slot * SLOT_SECONDS), counts);
        return db.inTransaction("activityIn", Database.Retry.ON_CONFLICT_OR_LOST_CONNECTION, h -> {
            rows(h, LEADS, "created_at", postgres, bounds, buckets).map((rs, ctx) -> Map.entry(rs.getLong("bucket"),
                    new ActivityCounts(rs.getLong("n"), Map.of(), Map.of(), BigDecimal.ZERO)))
                    .forEach(e -> add.accept(e.getKey(), e.getValue()));
            rows(h, ATTEMPTS, "created_at", postgres, bounds, buckets).map((rs, ctx) -> Map.entry(rs.getLong("bucket"),
                    new ActivityCounts(0, Map.of(Columns.enumValue(rs, "channel", Channel.class),
                            Map.of(Columns.enumValue(rs, "status", AttemptStatus.class), rs.getLong("n"))),
                            Map.of(), BigDecimal.ZERO)))
                    .forEach(e -> add.accept(e.getKey(), e.getValue()));
            rows(h, CONVERSIONS, "occurred_at", postgres, bounds, buckets).map((rs, ctx) -> {
                ConversionStatus status = Columns.enumValue(rs, "status", ConversionStatus.class);
                BigDecimal revenue = status == ConversionStatus.SALE ? rs.getBigDecimal("revenue") : BigDecimal.ZERO;
                return Map.entry(rs.getLong("bucket"), new ActivityCounts(0, Map.of(), Map.of(status, rs.getLong("n")),
                        revenue));
            }).forEach(e -> add.accept(e.getKey(), e.getValue()));
            return buckets.counts();
        });
    }

    /**
     * {@code sql} with its bucket expression over {@code column}, bound to the range of {@code buckets}.
     * On PostgreSQL the boundaries are cast to timestamps in a subquery, which runs once: a text-to-
     * timestamp cast depends on the session's time zone, so PostgreSQL would not fold it into a
     * constant and would parse every boundary again for each row.
     */
    private static Query rows(Handle handle, String sql, String column, boolean postgres, String[] bounds,
            TimeBuckets buckets) {
        String bucket = postgres ? "width_bucket(" + column + ", (SELECT CAST(:bounds AS TIMESTAMPTZ[])))"
                : "CAST(FLOOR(EXTRACT(EPOCH FROM " + column + ") / " + SLOT_SECONDS + ") AS BIGINT)";
        return handle.createQuery(sql.replace("<bucket>", bucket)).bind("bounds", bounds)
                .bindByType("from", buckets.from(), Instant.class).bindByType("to", buckets.to(), Instant.class);
    }

    List<SequenceEnrollment> nextDue(int limit) {
        return db.inTransaction("nextDueEnrollments", Database.Retry.ON_CONFLICT_OR_LOST_CONNECTION,
                h -> h.createQuery(NEXT_DUE).bind("limit", limit).mapTo(SequenceEnrollment.class).list());
    }

    List<LeadEvent> recent(int limit) {
        return db.inTransaction("recentEvents", Database.Retry.ON_CONFLICT_OR_LOST_CONNECTION, h -> {
            List<LeadEvent> events = new ArrayList<>();
            h.createQuery(LATEST_LEADS).bind("limit", limit).mapTo(Lead.class)
                    .forEach(lead -> events.add(new LeadEvent.Created(lead)));
            h.createQuery(LATEST_STATUS_CHANGES).bind("limit", limit).map(LeadStatusChanges::map)
                    .forEach(change -> events.add(new LeadEvent.StatusChanged(change)));
            h.createQuery(LATEST_ATTEMPTS).bind("limit", limit).mapTo(ContactAttempt.class)
                    .forEach(attempt -> events.add(new LeadEvent.Attempted(attempt)));
            h.createQuery(LATEST_EXECUTIONS).bind("limit", limit)
                    .map((rs, ctx) -> new LeadEvent.StepExecuted(rs.getString("enrollment_lead_id"),
                            ExecutionRows.map(rs, ctx)))
                    .forEach(events::add);
            h.createQuery(LATEST_CONVERSIONS).bind("limit", limit).mapTo(Conversion.class)
                    .forEach(conversion -> events.add(new LeadEvent.Converted(conversion)));
            return events.stream().sorted(LeadEvent.IN_TIME_ORDER.reversed()).limit(limit).toList();
        });
    }
}
