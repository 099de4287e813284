package io.retentioncenter.jdbi;

import java.time.Instant;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A claim on a queue table: up to {@code :limit} rows matching {@code condition}, taken in
 * ({@code orderColumn}, id) order, get {@code assignments}. The statements bind {@code :now},
 * {@code :limit}, {@code :owner} and {@code :leaseUntil}; {@link Dialect#claim} runs it.
 *
 * @param table the table, with its {@code <schema>} prefix
 * @param assignments the SET list that leases a row
 * @param condition which rows may be claimed
 * @param orderColumn the time column rows are claimed by, earliest first
 * @param nullsFirst whether rows without a time come first
 */
record Claim(String table, String assignments, String condition, String orderColumn, boolean nullsFirst) {

    /** The ORDER BY list on {@code column} (the order column or its alias), ties broken by id. */
    String order(String column) {
        return column + (nullsFirst ? " NULLS FIRST" : "") + ", id";
    }

    /**
     * The values one claim call binds.
     *
     * @param now the claim time
     * @param limit most rows to claim
     * @param owner the claimer
     * @param leaseUntil when the claimer's lease ends
     */
    record Arguments(Instant now, int limit, String owner, Instant leaseUntil) {
        /** Binds all four values; a statement ignores those it does not use. */
        <S extends SqlStatement<S>> S bind(S statement) {
            return statement.bindByType("now", now, Instant.class)
                    .bind("limit", limit)
                    .bind("owner", owner)
                    .bindByType("leaseUntil", leaseUntil, Instant.class);
        }
    }
}
