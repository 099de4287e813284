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
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The narrow fact scans of analytics: only the projected columns, read by position, in no
 * particular order (so the database streams the table instead of sorting it), on a reader thread
 * while the caller's thread runs the sink ({@link PipelinedScan}). Enum constants cross as their
 * ordinals. On PostgreSQL with pgjdbc a scan is a binary copy ({@link CopyFactReader}); otherwise a
 * cursor with a large fetch size, times as epoch milliseconds, and on H2 a window that holds most of
 * a table reads the table instead of its time index ({@link WindowScans}). The rendered subject and
 * body travel only for attempts without a script; test sends are left out, as {@code scanAttempts}
 * leaves them out.
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
            + " <time:sent_at>, <time:created_at> FROM <schema>rc_attempt<read>"
            + " WHERE created_at >= :from AND created_at < :to AND kind <> 'TEST'";
    private static final String ENROLLMENTS = "SELECT id, sequence_id, lead_id, campaign_id, "
            + code("status", ENROLLMENT_STATUSES) + ", " + code("exit_reason", EXIT_REASONS)
            + ", <time:enrolled_at>, <time:completed_at> FROM <schema>rc_enrollment<read>"
            + " WHERE enrolled_at >= :from AND enrolled_at < :to";
    private static final String EXECUTIONS = "SELECT enrollment_id, sequence_id, step_order, "
            + code("status", EXECUTION_STATUSES) + ", <time:executed_at> FROM <schema>rc_execution<read>"
            + " WHERE executed_at >= :from AND executed_at < :to";
    private static final String LEADS = "SELECT id, timezone, <time:created_at> FROM <schema>rc_lead<read>"
            + " WHERE created_at >= :from AND created_at < :to";

    /** Bounds a copy can state as literals: years that ISO 8601 writes in four digits. */
    private static final Instant FIRST_LITERAL = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST_LITERAL = Instant.parse("9999-12-31T23:59:59.999Z");
    private static final boolean PGJDBC = pgjdbcPresent();

    private final Database db;
    private final WindowScans windows;
    private final Statements attempts;
    private final Statements enrollments;
    private final Statements executions;
    private final Statements leads;

    FactScans(Database db, WindowScans windows) {
        this.db = db;
        this.windows = windows;
        this.attempts = Statements.of(ATTEMPTS, db.dialect());
        this.enrollments = Statements.of(ENROLLMENTS, db.dialect());
        this.executions = Statements.of(EXECUTIONS, db.dialect());
        this.leads = Statements.of(LEADS, db.dialect());
    }

    void attempts(Instant from, Instant to, Consumer<AttemptFact> sink) {
        scan("scanAttemptFacts", attempts, "rc_attempt", "created_at", from, to, sink, row -> new AttemptFact(
                row.text(1), row.text(2), row.text(3), constant(CHANNELS, row, 4, "channel"),
                constant(ATTEMPT_STATUSES, row, 5, "status"), Optional.ofNullable(row.text(6)), optionalInt(row, 7),
                Optional.ofNullable(row.text(8)), Optional.ofNullable(row.text(9)), Optional.ofNullable(row.text(10)),
                Optional.ofNullable(row.text(11)), Optional.ofNullable(row.text(12)),
                Optional.ofNullable(row.time(13)), required(row, 14)));
    }

    void enrollments(Instant from, Instant to, Consumer<EnrollmentFact> sink) {
        scan("scanEnrollmentFacts", enrollments, "rc_enrollment", "enrolled_at", from, to, sink,
                row -> new EnrollmentFact(row.text(1), row.text(2), row.text(3), row.text(4),
                        constant(ENROLLMENT_STATUSES, row, 5, "status"),
                        Optional.ofNullable(constant(EXIT_REASONS, row, 6, "exit_reason")),
                        required(row, 7), Optional.ofNullable(row.time(8))));
    }

    void executions(Instant from, Instant to, Consumer<ExecutionFact> sink) {
        scan("scanExecutionFacts", executions, "rc_execution", "executed_at", from, to, sink,
                row -> new ExecutionFact(row.text(1), row.text(2), (int) row.number(3, 0),
                        constant(EXECUTION_STATUSES, row, 4, "status"), required(row, 5)));
    }

    void leads(Instant from, Instant to, Consumer<LeadFact> sink) {
        Map<String, Optional<ZoneId>> zones = new HashMap<>();
        scan("scanLeadFacts", leads, "rc_lead", "created_at", from, to, sink, row -> new LeadFact(
                row.text(1), zone(zones, row.text(2)), required(row, 3)));
    }

    /**
     * Streams the rows of {@code statements} in {@code [from, to)}: on PostgreSQL through pgjdbc as a
     * binary copy, otherwise through a cursor, reading {@code table} whole on H2 when its window on
     * {@code column} holds most of it.
     */
    private <T> void scan(String operation, Statements statements, String table, String column, Instant from,
            Instant to, Consumer<T> sink, FactRow.Mapper<T> mapper) {
        String read = windows.hint(operation, table, column, from, to);
        boolean copyable = PGJDBC && db.dialect() == Dialect.POSTGRESQL && !from.isBefore(FIRST_LITERAL)
                && !to.isAfter(LAST_LITERAL);
        PipelinedScan.<T>run(operation, rows -> db.inTransaction(operation, Database.Retry.NEVER, h -> {
            try {
                if (copyable && CopyFactReader.supports(h.getConnection())) {
                    CopyFactReader.read(h.getConnection(), db.withSchema(statements.copy(from, to)), mapper, rows);
                } else {
                    AnalyticsReads.stream(h, statements.cursor(), from, to, FETCH_SIZE,
                            query -> query.define("read", read), ctx -> ResultSetFactRow.mapper(mapper), rows);
                }
            } catch (SQLException e) {
                throw new StoreException(operation + " failed: " + e.getMessage(), e, true);
            }
            return null;
        }), sink);
    }

    private static boolean pgjdbcPresent() {
        try {
            Class.forName("org.postgresql.PGConnection", false, FactScans.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
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
    private static <E extends Enum<E>> E constant(E[] values, FactRow row, int column, String name)
            throws SQLException {
        long ordinal = row.number(column, Long.MIN_VALUE);
        if (ordinal == Long.MIN_VALUE) {
            return null;
        }
        if (ordinal < 0 || ordinal >= values.length) {
            throw new StoreException("column " + name + " holds a value that is not a known "
                    + values.getClass().getComponentType().getSimpleName());
        }
        return values[(int) ordinal];
    }

    private static Optional<Integer> optionalInt(FactRow row, int column) throws SQLException {
        long value = row.number(column, Long.MIN_VALUE);
        return value == Long.MIN_VALUE ? Optional.empty() : Optional.of((int) value);
    }

    private static Instant required(FactRow row, int column) throws SQLException {
        Instant value = row.time(column);
        if (value == null) {
            throw new StoreException("column " + column + " is unexpectedly NULL");
        }
        return value;
    }

    /**
     * One fact scan's statement in its two forms: for a cursor, times as the dialect's epoch
     * milliseconds ({@link Dialect#epochMillis}) and the range bound; for a PostgreSQL copy, times as
     * they are and the range as literals (a copy takes no parameters).
     */
    private record Statements(String cursor, String copyTemplate) {

        /** Both forms of {@code sql}, whose {@code <time:column>} marks each time column. */
        static Statements of(String sql, Dialect dialect) {
            return new Statements(times(sql, dialect::epochMillis),
                    "COPY (" + times(sql, column -> column).replace("<read>", "") + ") TO STDOUT (FORMAT binary)");
        }

        /** The copy of {@code [from, to)}; both within the literal bounds. */
        String copy(Instant from, Instant to) {
            return copyTemplate.replace(":from", literal(from)).replace(":to", literal(to));
        }

        private static String literal(Instant at) {
            return "TIMESTAMPTZ '" + at.truncatedTo(ChronoUnit.MILLIS) + "'";
        }

        /** {@code sql} with each {@code <time:column>} replaced by {@code expression} of the column. */
        private static String times(String sql, UnaryOperator<String> expression) {
            StringBuilder out = new StringBuilder(sql.length() + 128);
            int at = 0;
            for (int open = sql.indexOf("<time:"); open >= 0; open = sql.indexOf("<time:", at)) {
                int close = sql.indexOf('>', open);
                out.append(sql, at, open).append(expression.apply(sql.substring(open + 6, close)));
                at = close + 1;
            }
            return out.append(sql, at, sql.length()).toString();
        }
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
