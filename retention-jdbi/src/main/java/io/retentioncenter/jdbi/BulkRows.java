package io.retentioncenter.jdbi;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Inserts many rows of one table at once. On PostgreSQL one {@code INSERT ... SELECT FROM unnest(...)}
 * statement takes every row (one array parameter per column), so the server parses, plans and runs
 * one statement instead of one per row; on H2 (in process, where a statement costs no round trip) the
 * rows go as one JDBC batch of the plain insert.
 *
 * @param table the table, with its {@code <schema>} prefix
 * @param columns the columns every row gives, in order
 */
record BulkRows(String table, List<Column> columns) {

    /** A column's value type: Java values of {@code javaType}, PostgreSQL arrays of {@code arrayType}. */
    enum Type {
        /** Text ({@link String}). */
        TEXT(String.class, "text", ""),
        /** Whole numbers ({@link Integer}). */
        INT(Integer.class, "int", ""),
        /** Instants, sent to PostgreSQL as ISO-8601 text and cast back. */
        TIME(Instant.class, "text", "::timestamptz");

        private final Class<?> javaType;
        private final String arrayType;
        private final String cast;

        Type(Class<?> javaType, String arrayType, String cast) {
            this.javaType = javaType;
            this.arrayType = arrayType;
            this.cast = cast;
        }
    }

    /** A column and its type. */
    record Column(String name, Type type) {
    }

    /** The columns {@code names} (comma separated, each {@code name:TYPE}). */
    static BulkRows of(String table, String... columns) {
        return new BulkRows(table, java.util.Arrays.stream(columns).map(c -> c.split(":"))
                .map(p -> new Column(p[0], Type.valueOf(p[1]))).toList());
    }

    /** Inserts {@code rows} (values in column order); on PostgreSQL {@code suffix} follows the statement. */
    void insert(Handle handle, Dialect dialect, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (dialect == Dialect.POSTGRESQL) {
            bindArrays(handle.createUpdate(unnestInsert("")), rows).execute();
            return;
        }
        PreparedBatch batch = handle.prepareBatch("INSERT INTO " + table + " (" + names() + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")");
        for (Object[] row : rows) {
            for (int i = 0; i < columns.size(); i++) {
                batch.bindByType(i, row[i], columns.get(i).type().javaType);
            }
            batch.add();
        }
        batch.execute();
    }

    /**
     * PostgreSQL only: inserts the rows that collide with no unique key (stored rows, concurrent
     * inserts and earlier rows of the same call alike) and returns the first column's value of those
     * inserted.
     */
    List<String> insertSkippingDuplicates(Handle handle, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        String first = columns.get(0).name();
        return bindArrays(handle.createQuery(unnestInsert(" ON CONFLICT DO NOTHING RETURNING " + first)), rows)
                .mapTo(String.class).list();
    }

    private String unnestInsert(String suffix) {
        String values = columns.stream().map(c -> c.name() + c.type().cast).collect(Collectors.joining(", "));
        String arrays = java.util.stream.IntStream.range(0, columns.size())
                .mapToObj(i -> "CAST(:c" + i + " AS " + columns.get(i).type().arrayType + "[])")
                .collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + names() + ") SELECT " + values + " FROM unnest(" + arrays + ") AS r("
                + names() + ")" + suffix;
    }

    private <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bindArrays(S statement, List<Object[]> rows) {
        for (int i = 0; i < columns.size(); i++) {
            Type type = columns.get(i).type();
            Object[] values = type == Type.INT ? new Integer[rows.size()] : new String[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                Object v = rows.get(r)[i];
                values[r] = v instanceof Instant t ? t.truncatedTo(ChronoUnit.MILLIS).toString() : v;
            }
            statement.bind("c" + i, values);
        }
        return statement;
    }

    private String names() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }
}
