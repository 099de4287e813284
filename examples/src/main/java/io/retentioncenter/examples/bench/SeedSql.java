package io.retentioncenter.examples.bench;

import java.time.Instant;

/**
 * The pieces of set-based seeding SQL that differ between the benchmark databases, so that one
 * {@code INSERT ... SELECT} serves PostgreSQL and H2: a numbered row source ({@code generate_series}
 * on PostgreSQL, {@code SYSTEM_RANGE} on H2), schema-qualified table names and literals. Everything
 * else the seeds write (string concatenation, {@code LPAD}, {@code MOD}, integer division,
 * {@code TIMESTAMP WITH TIME ZONE} literals plus {@code n * INTERVAL '1' SECOND}) reads the same on both.
 *
 * @param schemaPrefix {@code "schema".} on PostgreSQL, empty on H2
 * @param postgres whether the database is PostgreSQL (else H2)
 */
record SeedSql(String schemaPrefix, boolean postgres) {
    /** Digits of a generated id, as many as the hex digits of the engine's random ids. */
    private static final int ID_DIGITS = 32;

    /** A derived table {@code alias} with one column {@code i} numbering {@code n} rows from 0. */
    String rows(long n, String alias) {
        return postgres ? "(SELECT g - 1 AS i FROM generate_series(1, " + n + ") g) " + alias
                : "(SELECT X - 1 AS i FROM SYSTEM_RANGE(1, " + n + ")) " + alias;
    }

    /** {@code table} in the seeded schema. */
    String table(String table) {
        return schemaPrefix + table;
    }

    /**
     * An id {@code prefix_} followed by the number {@code expression} zero-padded to the length of the
     * engine's random ids, so generated rows are as wide as engine-made ones.
     */
    static String id(String prefix, String expression) {
        return "'" + prefix + "_' || LPAD(CAST(" + expression + " AS VARCHAR), " + ID_DIGITS + ", '0')";
    }

    /** {@code value} as a string literal. */
    static String text(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** {@code at} as a timestamp literal (UTC, milliseconds as the tables keep them). */
    static String time(Instant at) {
        return "TIMESTAMP WITH TIME ZONE '" + at.toString().replace('T', ' ').replace("Z", "+00") + "'";
    }
}
