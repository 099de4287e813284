package io.retentioncenter.jdbi;

import io.retentioncenter.core.StoreException;
import io.retentioncenter.core.experiment.AbTest;
import io.retentioncenter.core.experiment.ArmCounts;
import io.retentioncenter.core.experiment.Variant;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Reads for analytics: A/B arm counts computed by the database, and scans that stream rows through a
 * cursor. A scan runs in a read transaction with a fetch size, which makes the PostgreSQL driver
 * fetch {@value #FETCH_SIZE} rows at a time instead of the whole result; the sink runs as rows arrive.
 */
final class AnalyticsReads {
    private static final int FETCH_SIZE = 1000;
    private static final String ARM_COUNTS = "SELECT x.variant, COUNT(*) AS exposed, COUNT(s.lead_id) AS converted"
            + " FROM (SELECT DISTINCT lead_id, variant FROM <schema>rc_attempt"
            + " WHERE ab_test_id = :testId AND variant IS NOT NULL) x"
            + " LEFT JOIN (SELECT DISTINCT lead_id, variant FROM <schema>rc_conversion"
            + " WHERE ab_test_id = :testId AND status = 'SALE') s ON s.lead_id = x.lead_id AND s.variant = x.variant"
            + " GROUP BY x.variant";

    private final Database db;

    AnalyticsReads(Database db) {
        this.db = db;
    }

    /**
     * Arm counts of the test: every variant of a saved test (zero when unexposed), then any other
     * variant seen; a timing test's from its arm assignments.
     */
    Map<String, ArmCounts> abTestCounts(String testId) {
        return db.withHandle("abTestCounts", h -> {
            Optional<AbTest> test = h.attach(ConfigQueries.class).abTest(testId);
            if (test.isPresent() && test.get().kind().timing()) {
                return Collections.unmodifiableMap(ArmAssignmentRows.counts(h, test.get()));
            }
            Map<String, ArmCounts> counts = new LinkedHashMap<>();
            test.map(AbTest::variants).stream().flatMap(List::stream)
                    .map(Variant::name).forEach(name -> counts.put(name, new ArmCounts(0, 0)));
            h.createQuery(ARM_COUNTS).bind("testId", testId)
                    .map((rs, ctx) -> Map.entry(rs.getString("variant"),
                            new ArmCounts(rs.getLong("exposed"), rs.getLong("converted"))))
                    .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
            return Collections.unmodifiableMap(counts);
        });
    }

    /**
     * Streams the rows of {@code table} whose {@code timeColumn} lies in {@code [from, to)}, oldest
     * first (ties by id), mapped to {@code type}.
     */
    <T> void scan(String operation, String table, String timeColumn, Class<T> type, Instant from, Instant to,
            Consumer<? super T> sink) {
        String sql = "SELECT * FROM <schema>" + table + " WHERE " + timeColumn + " >= :from AND " + timeColumn
                + " < :to ORDER BY " + timeColumn + ", id";
        db.inTransaction(operation, Database.Retry.NEVER, h -> {
            stream(h, sql, from, to, FETCH_SIZE, UnaryOperator.identity(), ctx -> ctx.findRowMapperFor(type)
                    .orElseThrow(() -> new StoreException("no row mapper registered for " + type.getSimpleName())),
                    sink);
            return null;
        });
    }

    /**
     * Streams the rows of {@code sql}, whose {@code :from} and {@code :to} are bound to the range, on
     * {@code handle} (in a read transaction) through a cursor fetching {@code fetchSize} rows at a
     * time. The rows are mapped in a plain loop over the result set: a scan of millions of rows pays
     * for no iterator layers per row.
     *
     * @param prepare what the query needs besides the range (defines)
     * @param mapper the row mapper, found once for the query's context
     */
    static <T> void stream(Handle handle, String sql, Instant from, Instant to, int fetchSize,
            UnaryOperator<Query> prepare, Function<StatementContext, RowMapper<T>> mapper, Consumer<? super T> sink) {
        prepare.apply(handle.createQuery(sql))
                .bindByType("from", from, Instant.class)
                .bindByType("to", to, Instant.class)
                .setFetchSize(fetchSize)
                .scanResultSet((results, ctx) -> {
                    ResultSet rs = results.get();
                    RowMapper<T> rows = mapper.apply(ctx).specialize(rs, ctx);
                    while (rs.next()) {
                        sink.accept(rows.map(rs, ctx));
                    }
                    return null;
                });
    }
}
