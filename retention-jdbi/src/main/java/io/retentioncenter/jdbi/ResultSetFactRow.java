package io.retentioncenter.jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A {@link FactRow} over the current row of a JDBC result set; times are selected as epoch
 * milliseconds ({@link Dialect#epochMillis}).
 */
final class ResultSetFactRow implements FactRow {
    private final ResultSet rs;

    private ResultSetFactRow(ResultSet rs) {
        this.rs = rs;
    }

    /** A Jdbi row mapper applying {@code mapper} to each row through one reused {@link FactRow}. */
    static <T> RowMapper<T> mapper(FactRow.Mapper<T> mapper) {
        return new RowMapper<>() {
            @Override
            public T map(ResultSet rs, StatementContext ctx) throws SQLException {
                return mapper.map(new ResultSetFactRow(rs));
            }

            @Override
            public RowMapper<T> specialize(ResultSet rs, StatementContext ctx) {
                FactRow row = new ResultSetFactRow(rs);
                return (ignored, c) -> mapper.map(row);
            }
        };
    }

    @Override
    public String text(int column) throws SQLException {
        return rs.getString(column);
    }

    @Override
    public long number(int column, long ifNull) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? ifNull : value;
    }

    @Override
    public Instant time(int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
