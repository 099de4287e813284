package io.retentioncenter.jdbi;

import io.retentioncenter.core.conversion.UnmatchedPostback;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** Table {@code rc_unmatched_postback}: the insert statement, its parameters and the row mapper. */
final class UnmatchedPostbackRows {
    /** Inserts a whole unmatched postback. */
    static final String INSERT = "INSERT INTO <schema>rc_unmatched_postback (replay_key, sub_id, params, received_at)"
            + " VALUES (:replayKey, :subId, :params, :receivedAt)";

    private UnmatchedPostbackRows() {
    }

    /** Binds {@code postback} to the named parameters of {@link #INSERT}. */
    static <S extends SqlStatement<S>> S bind(S statement, UnmatchedPostback postback) {
        return statement.bind("replayKey", postback.replayKey())
                .bind("subId", postback.subId())
                .bind("params", Json.write(postback.params()))
                .bindByType("receivedAt", postback.receivedAt(), Instant.class);
    }

    /** Maps a {@code rc_unmatched_postback} row. */
    static UnmatchedPostback map(ResultSet rs, StatementContext context) throws SQLException {
        return new UnmatchedPostback(rs.getString("replay_key"),
                rs.getString("sub_id"),
                Json.stringMap(rs.getString("params")),
                Columns.instant(rs, "received_at"),
                Columns.optionalText(rs, "matched_lead_id"),
                Columns.optionalInstant(rs, "matched_at"));
    }
}
