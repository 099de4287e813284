package io.retentioncenter.jdbi;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * On H2, whether a fact scan's time window holds so much of its table that reading the table beats
 * walking the time index. H2 plans a range on an indexed column as an index scan whatever share of
 * the table it selects, then looks every row up by key, which costs about twice a plain read per row
 * once the window holds most of the table (PostgreSQL chooses from its statistics, and gets no hint).
 * The share is estimated from the column's first and last values (two index probes), as if rows were
 * spread evenly over time.
 */
final class WindowScans {
    /** H2's hint to read the table without any index. */
    static final String TABLE_READ = " USE INDEX ()";

    private final Database db;

    WindowScans(Database db) {
        this.db = db;
    }

    /**
     * The hint to place after {@code table} in a scan of {@code [from, to)} on {@code column}:
     * {@link #TABLE_READ} on H2 when the window holds most of the table, else nothing.
     */
    String hint(String operation, String table, String column, Instant from, Instant to) {
        if (db.dialect() != Dialect.H2) {
            return "";
        }
        boolean most = db.withHandle(operation, h -> h.createQuery("SELECT MIN(" + column + "), MAX(" + column
                + ") FROM <schema>" + table).map((rs, ctx) -> holdsMost(instant(rs.getObject(1, OffsetDateTime.class)),
                        instant(rs.getObject(2, OffsetDateTime.class)), from, to)).one());
        return most ? TABLE_READ : "";
    }

    /**
     * Whether {@code [from, to)} covers at least half of the span from {@code first} to {@code last}
     * (both null for an empty table, which has nothing to read either way).
     */
    static boolean holdsMost(Instant first, Instant last, Instant from, Instant to) {
        if (first == null || last == null) {
            return false;
        }
        if (!first.isBefore(last)) {
            return !first.isBefore(from) && first.isBefore(to);
        }
        Instant start = first.isAfter(from) ? first : from;
        Instant end = last.isBefore(to) ? last : to;
        long covered = end.isAfter(start) ? Duration.between(start, end).toMillis() : 0;
        return covered * 2 >= Duration.between(first, last).toMillis();
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
