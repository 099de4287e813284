package io.retentioncenter.jdbi;

import io.retentioncenter.core.StoreException;
import io.retentioncenter.core.contact.AttemptStatus;
import io.retentioncenter.core.contact.Channel;
import io.retentioncenter.core.fact.AttemptFact;
import io.retentioncenter.core.fact.EnrollmentFact;
import io.retentioncenter.core.fact.ExecutionFact;
import io.retentioncenter.core.fact.LeadFact;
import io.retentioncenter.core.sequence.EnrollmentStatus;
import io.retentioncenter.core.sequence.ExecutionStatus;
import io.retentioncenter.core.sequence.ExitReason;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The narrow fact scans of analytics: only the projected columns, read by position, in no
 * particular order (so the database streams the table instead of sorting it), through a cursor with
 * a large fetch size on a reader thread while the caller's thread runs the sink
 * ({@link PipelinedScan}). Times cross as epoch milliseconds and enum constants as their ordinals,
 * numbers that PostgreSQL sends in binary ({@link BinaryResults}). The rendered subject and body
 * travel only for attempts without a script; test sends are left out, as {@code scanAttempts} leaves
 * them out. On H2 a window that holds most of a
 * table reads the table instead of its time index ({@link WindowScans}).
 */
final class FactScans {
    private static final int FETCH_SIZE = 5000;
    private static final Channel[] CHANNELS = Channel.values();
    private static final AttemptStatus[] ATTEMPT_STATUSES = AttemptStatus.values();
    private static final ExecutionStatus[] EXECUTION_STATUSES = ExecutionStatus.values();
    private static final EnrollmentStatus[] ENROLLMENT_STATUSES = EnrollmentStatus.values();
    private static final ExitReason[] EXIT_REASONS = ExitReason.values();
    private static final String ATTEMPTS = "SELECT id, lead_id, campaign_id, " + code("channel", CHANNELS) + ", "
            + code("status", ATTEMPT_STATUSES) + ", enrollment_id, step_order, script_id, ab_test_id, variant,"
            + " CASE WHEN script_id IS NULL THEN subject END, CASE WHEN script_id IS NULL THEN body END,"
            + " <ms:sent_at>, <ms:created_at> FROM <schema>rc_attempt<read>"
            + " WHERE created_at >= :from AND created_at < :to AND kind <> 'TEST'";
    private static final String ENROLLMENTS = "SELECT id, sequence_id, lead_id, campaign_id, "
            + code("status", ENROLLMENT_STATUSES) + ", " + code("exit_reason", EXIT_REASONS)
            + ", <ms:enrolled_at>, <ms:completed_at> FROM <schema>rc_enrollment<read>"
            + " WHERE enrolled_at >= :from AND enrolled_at < :to";
    private static final String EXECUTIONS = "SELECT enrollment_id, sequence_id, step_order, "
            + code("status", EXECUTION_STATUSES) + ", <ms:executed_at> FROM <schema>rc_execution<read>"
            + " WHERE executed_at >= :from AND executed_at < :to";
    private static final String LEADS = "SELECT id, timezone, <ms:created_at> FROM <schema>rc_lead<read>"
            + " WHERE created_at >= :from AND created_at < :to";

    private final AnalyticsReads reads;
    private final WindowScans windows;
    private final String attemptsSql;
    private final String enrollmentsSql;
    private final String executionsSql;
    private final String leadsSql;

    FactScans(AnalyticsReads reads, WindowScans windows, Dialect dialect) {
        this.reads = reads;
        this.windows = windows;
        this.attemptsSql = epochMillis(ATTEMPTS, dialect);
        this.enrollmentsSql = epochMillis(ENROLLMENTS, dialect);
        this.executionsSql = epochMillis(EXECUTIONS, dialect);
        this.leadsSql = epochMillis(LEADS, dialect);
    }

    void attempts(Instant from, Instant to, Consumer<AttemptFact> sink) {
        scan("scanAttemptFacts", attemptsSql, "rc_attempt", "created_at", from, to, sink, (rs, ctx) -> new AttemptFact(
                rs.getString(1), rs.getString(2), rs.getString(3), constant(CHANNELS, rs, 4, "channel"),
                constant(ATTEMPT_STATUSES, rs, 5, "status"), Optional.ofNullable(rs.getString(6)),
                optionalInt(rs, 7), Optional.ofNullable(rs.getString(8)), Optional.ofNullable(rs.getString(9)),
                Optional.ofNullable(rs.getString(10)), Optional.ofNullable(rs.getString(11)),
                Optional.ofNullable(rs.getString(12)), Optional.ofNullable(instant(rs, 13)), required(rs, 14)));
    }

    void enrollments(Instant from, Instant to, Consumer<EnrollmentFact> sink) {
        scan("scanEnrollmentFacts", enrollmentsSql, "rc_enrollment", "enrolled_at", from, to, sink,
                (rs, ctx) -> new EnrollmentFact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        constant(ENROLLMENT_STATUSES, rs, 5, "status"),
                        Optional.ofNullable(constant(EXIT_REASONS, rs, 6, "exit_reason")),
                        required(rs, 7), Optional.ofNullable(instant(rs, 8))));
    }

    void executions(Instant from, Instant to, Consumer<ExecutionFact> sink) {
        scan("scanExecutionFacts", executionsSql, "rc_execution", "executed_at", from, to, sink,
                (rs, ctx) -> new ExecutionFact(rs.getString(1), rs.getString(2), rs.getInt(3),
                        constant(EXECUTION_STATUSES, rs, 4, "status"), required(rs, 5)));
    }

    void leads(Instant from, Instant to, Consumer<LeadFact> sink) {
        Map<String, Optional<ZoneId>> zones = new HashMap<>();
        scan("scanLeadFacts", leadsSql, "rc_lead", "created_at", from, to, sink, (rs, ctx) -> new LeadFact(
                rs.getString(1), zone(zones, rs.getString(2)), required(rs, 3)));
    }

    /** Streams {@code sql}, reading {@code table} whole when its window on {@code column} holds most of it. */
    private <T> void scan(String operation, String sql, String table, String column, Instant from, Instant to,
            Consumer<T> sink, RowMapper<T> mapper) {
        String read = windows.hint(operation, table, column, from, to);
        PipelinedScan.<T>run(operation, rows -> reads.stream(operation, sql, from, to, FETCH_SIZE,
                query -> query.define("read", read).addCustomizer(BinaryResults.INSTANCE), ctx -> mapper, rows), sink);
    }

    /**
     * {@code column} as the ordinal of its value among {@code values} (NULL stays NULL, any other value
     * becomes -1): a small number crosses the wire and parses far cheaper than the constant's name.
     */
    private static String code(String column, Enum<?>[] values) {
        StringBuilder sql = new StringBuilder("CASE WHEN ").append(column).append(" IS NULL THEN NULL");
        for (Enum<?> value : values) {
            sql.append(" WHEN ").append(column).append(" = '").append(value.name()).append("' THEN ")
                    .append(value.ordinal());
        }
        return sql.append(" ELSE -1 END").toString();
    }

    /** The constant whose {@link #code} is in {@code column}; null when the column is NULL. */
    private static <E extends Enum<E>> E constant(E[] values, ResultSet rs, int column, String name)
            throws SQLException {
        int ordinal = rs.getInt(column);
        if (rs.wasNull()) {
            return null;
        }
        if (ordinal < 0 || ordinal >= values.length) {
            throw new StoreException("column " + name + " holds a value that is not a known "
                    + values.getClass().getComponentType().getSimpleName());
        }
        return values[ordinal];
    }

    private static Optional<Integer> optionalInt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }

    /**
     * {@code sql} with each {@code <ms:column>} replaced by the dialect's expression for the column as
     * epoch milliseconds: the columns hold milliseconds, and a number crosses the wire and parses far
     * cheaper than a timestamp's text.
     */
    private static String epochMillis(String sql, Dialect dialect) {
        StringBuilder out = new StringBuilder(sql.length() + 128);
        int at = 0;
        for (int open = sql.indexOf("<ms:"); open >= 0; open = sql.indexOf("<ms:", at)) {
            int close = sql.indexOf('>', open);
            out.append(sql, at, open).append(dialect.epochMillis(sql.substring(open + 4, close)));
            at = close + 1;
        }
        return out.append(sql, at, sql.length()).toString();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static Instant required(ResultSet rs, int column) throws SQLException {
        Instant value = instant(rs, column);
        if (value == null) {
            throw new StoreException("column " + column + " is unexpectedly NULL");
        }
        return value;
    }

    /** Time zones repeat: each id is parsed once per scan. */
    private static Optional<ZoneId> zone(Map<String, Optional<ZoneId>> zones, String id) {
        if (id == null) {
            return Optional.empty();
        }
        return zones.computeIfAbsent(id, key -> {
            try {
                return Optional.of(ZoneId.of(key));
            } catch (DateTimeException e) {
                throw new StoreException("column timezone holds an unknown time zone: " + key, e);
            }
        });
    }
}
