package io.retentioncenter.jdbi;

import io.retentioncenter.core.ConfigurationException;
import io.retentioncenter.core.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * What differs between the supported databases: the migration folder, how an insert skips an existing
 * key, how a claim locks rows, and which lock a reader takes to keep a row from being deleted.
 */
enum Dialect {
    /**
     * PostgreSQL: {@code ON CONFLICT DO NOTHING}; a claim is one statement that locks its rows with
     * {@code FOR UPDATE SKIP LOCKED}, so concurrent claimers take disjoint rows without waiting. The
     * claim runs in a transaction that turns off sorting and bitmap scans for itself
     * ({@link #PIN_CLAIM_PLAN}), so it walks the partial due-time index in order and stops at the
     * limit whatever the table's statistics say: right after a bulk load, before autovacuum analyzed
     * the table, the planner would otherwise sort every due row for each batch.
     */
    POSTGRESQL("postgresql", " FOR KEY SHARE") {
        @Override
        int insertIfAbsent(Handle handle, String insertSql, UnaryOperator<Update> binder) {
            return binder.apply(handle.createUpdate(insertSql + " ON CONFLICT DO NOTHING")).execute();
        }

        @Override
        <T> List<T> claim(Database db, String operation, Claim claim, Claim.Arguments arguments, Class<T> type,
                Function<T, String> id) {
            String sql = postgresClaim(claim);
            return db.inTransaction(operation, Database.Retry.NEVER, h -> {
                h.execute(PIN_CLAIM_PLAN);
                return arguments.bind(h.createQuery(sql)).mapTo(type).list();
            });
        }
    },

    /**
     * H2: a duplicate insert fails and is caught (H2 keeps the transaction usable). A claim is one
     * transaction: {@code SELECT ... FOR UPDATE SKIP LOCKED} (H2 re-evaluates the condition on each row
     * it locks, so a row claimed meanwhile drops out, and never waits, so a claim cannot deadlock with
     * a writer), then update and re-read the locked rows. H2 applies the limit before skipping, so a
     * claim racing another may return fewer rows than are due; they come with the next claim.
     */
    H2("h2", " FOR UPDATE") {
        @Override
        int insertIfAbsent(Handle handle, String insertSql, UnaryOperator<Update> binder) {
            try {
                return binder.apply(handle.createUpdate(insertSql)).execute();
            } catch (RuntimeException e) {
                if (SqlStates.isUniqueViolation(e)) {
                    return 0;
                }
                throw e;
            }
        }

        @Override
        <T> List<T> claim(Database db, String operation, Claim claim, Claim.Arguments arguments, Class<T> type,
                Function<T, String> id) {
            String lock = "SELECT id FROM " + claim.table() + " WHERE " + claim.condition() + " ORDER BY "
                    + claim.order(claim.orderColumn()) + " LIMIT :limit FOR UPDATE SKIP LOCKED";
            String lease = "UPDATE " + claim.table() + " SET " + claim.assignments() + " WHERE id = ANY(:ids)";
            String read = "SELECT * FROM " + claim.table() + " WHERE id = ANY(:ids)";
            return db.inTransaction(operation, h -> {
                List<String> ids = arguments.bind(h.createQuery(lock)).mapTo(String.class).list();
                if (ids.isEmpty()) {
                    return List.of();
                }
                String[] locked = ids.toArray(String[]::new);
                arguments.bind(h.createUpdate(lease)).bind("ids", locked).execute();
                Map<String, T> byId = new HashMap<>();
                h.createQuery(read).bind("ids", locked).mapTo(type).forEach(row -> byId.put(id.apply(row), row));
                return ids.stream().map(byId::get).toList();
            });
        }
    };

    /**
     * An expression for the timestamp {@code column} as epoch milliseconds, a BIGINT. PostgreSQL's
     * {@code date_part} is a double, exact to the millisecond at these magnitudes and rounded by the
     * cast; its {@code EXTRACT} is a numeric, several times dearer to compute. H2's {@code DATEDIFF}
     * counts in whole numbers from the epoch (its {@code EXTRACT} makes a decimal per row).
     */
    String epochMillis(String column) {
        return this == POSTGRESQL ? "CAST(date_part('epoch', " + column + ") * 1000 AS BIGINT)"
                : "DATEDIFF(MILLISECOND, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00', " + column + ")";
    }

    /**
     * Turns off, for the rest of the claim's transaction only, the plans that read every due row
     * (a sort, a bitmap scan, a sequential scan), leaving the ordered index scan that stops at the
     * limit. Cost penalties, not prohibitions: a query without such an index still runs. JIT is off
     * too: the penalties inflate the estimated cost past JIT's threshold, and compiling a claim that
     * touches a few hundred rows costs far more than it saves.
     */
    static final String PIN_CLAIM_PLAN = "SET LOCAL enable_sort = off; SET LOCAL enable_bitmapscan = off;"
            + " SET LOCAL enable_seqscan = off; SET LOCAL jit = off";

    /** The PostgreSQL claim statement: lock the first due rows in order, skipping locked ones, and lease them. */
    static String postgresClaim(Claim claim) {
        return "WITH claimed AS (UPDATE " + claim.table() + " claimed SET " + claim.assignments()
                + " FROM (SELECT id, " + claim.orderColumn() + " AS claim_order FROM " + claim.table()
                + " WHERE " + claim.condition() + " ORDER BY " + claim.order(claim.orderColumn())
                + " LIMIT :limit FOR UPDATE SKIP LOCKED) due WHERE claimed.id = due.id"
                + " RETURNING claimed.*, due.claim_order) SELECT * FROM claimed ORDER BY "
                + claim.order("claim_order");
    }

    private final String folder;
    private final String shareLock;

    Dialect(String folder, String shareLock) {
        this.folder = folder;
        this.shareLock = shareLock;
    }

    /** The dialect of the database behind {@code dataSource}, read from the driver's metadata. */
    static Dialect of(DataSource dataSource) {
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new StoreException("cannot connect to the database to detect its type", e, SqlStates.isTransient(e));
        }
        String name = product.toLowerCase(Locale.ROOT);
        if (name.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (name.equals("h2")) {
            return H2;
        }
        throw new ConfigurationException("dataSource: unsupported database '" + product
                + "'; retention-jdbi supports PostgreSQL and H2");
    }

    /** Flyway location of this database's own migrations (next to {@code db/migration/common}). */
    String migrationLocation() {
        return "classpath:db/migration/" + folder;
    }

    /** The lock clause a reader appends to keep a row from being deleted until its transaction ends. */
    String shareLock() {
        return shareLock;
    }

    /**
     * Runs {@code insertSql} (a plain {@code INSERT ... VALUES}) bound by {@code binder}, skipping the
     * row when a unique key exists already, also when a concurrent transaction inserts it.
     *
     * @return the number of rows inserted: 1, or 0 when the key existed
     */
    abstract int insertIfAbsent(Handle handle, String insertSql, UnaryOperator<Update> binder);

    /**
     * Runs {@code claim} and returns the claimed rows, mapped to {@code type}, in claim order. A row is
     * claimed by one caller only, however many claim at once; {@code id} reads a mapped row's id.
     */
    abstract <T> List<T> claim(Database db, String operation, Claim claim, Claim.Arguments arguments, Class<T> type,
            Function<T, String> id);
}
