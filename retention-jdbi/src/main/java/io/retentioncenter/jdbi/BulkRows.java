package io.retentioncenter.jdbi;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Inserts or updates many rows of one table at once. On PostgreSQL one statement takes every row
 * ({@code INSERT ... SELECT FROM unnest(...)} or {@code UPDATE ... FROM unnest(...)}, one array
 * parameter per column), so the server parses, plans and runs one statement instead of one per row;
 * on H2 (in process, where a statement costs no round trip) the rows go as one JDBC batch of the
 * single-row statement.
 *
 * @param table the table, with its {@code <schema>} prefix
 * @param columns the columns every row gives, in order
 */
record BulkRows(String table, List<Column> columns) {
    /** The array parameters' prefix of this class's own statements. */
    private static final String PARAMETERS = "c";

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

    /** Rows of {@code table} with the given columns, each written {@code name:TYPE}. */
    static BulkRows of(String table, String... columns) {
        return new BulkRows(table, Arrays.stream(columns).map(c -> c.split(":"))
                .map(p -> new Column(p[0], Type.valueOf(p[1]))).toList());
    }

    /** Inserts {@code rows} (values in column order). */
    void insert(Handle handle, Dialect dialect, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (dialect == Dialect.POSTGRESQL) {
            bindArrays(handle.createUpdate(unnestInsert(PARAMETERS, "")), rows, PARAMETERS).execute();
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
        return bindArrays(handle.createQuery(insertSkippingDuplicates(PARAMETERS)), rows, PARAMETERS)
                .mapTo(String.class).list();
    }

    /**
     * PostgreSQL only: the statement of {@link #insertSkippingDuplicates(Handle, List)} with the
     * arrays named {@code prefix0}, {@code prefix1}, ... (bind them with {@link #bindArrays}).
     */
    String insertSkippingDuplicates(String prefix) {
        return unnestInsert(prefix, " ON CONFLICT DO NOTHING RETURNING " + columns.get(0).name());
    }

    /**
     * PostgreSQL only: an insert of the rows whose {@code column} is among the ids {@code cte} (a
     * {@code WITH} query of the same statement) returns, arrays named {@code prefix0}, ... as in
     * {@link #insertSkippingDuplicates(String)}.
     */
    String insertWhereIdIn(String prefix, String column, String cte) {
        return unnestInsert(prefix, " WHERE r." + column + " IN (SELECT id FROM " + cte + ")");
    }

    /**
     * Updates stored rows by key: the first column is the key, the next {@code matched} columns must
     * equal the stored row's for it to change, and the remaining columns are set, as are the
     * {@code fixed} assignments (may be empty); {@code condition} (may be empty) is checked on every
     * row, its columns prefixed {@code t.}. Keys must be distinct.
     *
     * @return the keys of the rows updated
     */
    List<String> update(Handle handle, Dialect dialect, int matched, String fixed, String condition,
            List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Column> keys = columns.subList(0, 1 + matched);
        List<Column> set = columns.subList(1 + matched, columns.size());
        String where = (condition.isEmpty() ? "" : " AND " + condition);
        String extra = fixed.isEmpty() ? "" : ", " + fixed;
        if (dialect == Dialect.POSTGRESQL) {
            String sql = "UPDATE " + table + " t SET " + set.stream().map(c -> c.name() + " = r." + c.name()
                    + c.type().cast).collect(Collectors.joining(", ")) + extra + " FROM " + unnest(PARAMETERS)
                    + " WHERE "
                    + keys.stream().map(c -> "t." + c.name() + " = r." + c.name()).collect(Collectors.joining(" AND "))
                    + where + " RETURNING t." + columns.get(0).name();
            return bindArrays(handle.createQuery(sql), rows, PARAMETERS).mapTo(String.class).list();
        }
        PreparedBatch batch = handle.prepareBatch("UPDATE " + table + " t SET " + set.stream()
                .map(c -> c.name() + " = ?").collect(Collectors.joining(", ")) + extra + " WHERE "
                + keys.stream().map(c -> "t." + c.name() + " = ?").collect(Collectors.joining(" AND ")) + where);
        for (Object[] row : rows) {
            int position = 0;
            for (int i = 1 + matched; i < columns.size(); i++) {
                batch.bindByType(position++, row[i], columns.get(i).type().javaType);
            }
            for (int i = 0; i <= matched; i++) {
                batch.bindByType(position++, row[i], columns.get(i).type().javaType);
            }
            batch.add();
        }
        int[] counts = batch.execute();
        List<String> updated = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            if (counts[r] > 0) {
                updated.add((String) rows.get(r)[0]);
            }
        }
        return updated;
    }

    private String unnest(String prefix) {
        return "unnest(" + IntStream.range(0, columns.size())
                .mapToObj(i -> "CAST(:" + prefix + i + " AS " + columns.get(i).type().arrayType + "[])")
                .collect(Collectors.joining(", ")) + ") AS r(" + names() + ")";
    }

    private String unnestInsert(String prefix, String suffix) {
        String values = columns.stream().map(c -> c.name() + c.type().cast).collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + names() + ") SELECT " + values + " FROM " + unnest(prefix) + suffix;
    }

    /**
     * Binds each column as an array named {@code prefix} and its position; instants as text,
     * formatted once per run of equal ones (the rows of one intake share their times, and formatting
     * was the largest cost of binding them).
     */
    <S extends SqlStatement<S>> S bindArrays(S statement, List<Object[]> rows, String prefix) {
        for (int i = 0; i < columns.size(); i++) {
            Type type = columns.get(i).type();
            Object[] values = type == Type.INT ? new Integer[rows.size()] : new String[rows.size()];
            Instant last = null;
            String lastText = null;
            for (int r = 0; r < rows.size(); r++) {
                Object v = rows.get(r)[i];
                if (v instanceof Instant t) {
                    if (!t.equals(last)) {
                        last = t;
                        lastText = t.truncatedTo(ChronoUnit.MILLIS).toString();
                    }
                    v = lastText;
                }
                values[r] = v;
            }
            statement.bind(prefix + i, values);
        }
        return statement;
    }

    private String names() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }
}
