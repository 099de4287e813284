package io.retentioncenter.jdbi;

import io.retentioncenter.core.StoreException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

/** Reads typed values from the current row of a result set; corrupt values become {@link StoreException}. */
final class Columns {
    private Columns() {
    }

    /** A non-null timestamp column. */
    static Instant instant(ResultSet rs, String column) throws SQLException {
        return optionalInstant(rs, column)
                .orElseThrow(() -> new StoreException("column " + column + " is unexpectedly NULL"));
    }

    /** A nullable timestamp column. */
    static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    /** A nullable text column. */
    static Optional<String> optionalText(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    /** A nullable integer column. */
    static Optional<Integer> optionalInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }

    /** A non-null column holding an enum constant's name. */
    static <E extends Enum<E>> E enumValue(ResultSet rs, String column, Class<E> type) throws SQLException {
        return optionalEnum(rs, column, type)
                .orElseThrow(() -> new StoreException("column " + column + " is unexpectedly NULL"));
    }

    /** A nullable column holding an enum constant's name. */
    static <E extends Enum<E>> Optional<E> optionalEnum(ResultSet rs, String column, Class<E> type)
            throws SQLException {
        String name = rs.getString(column);
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, name));
        } catch (IllegalArgumentException e) {
            throw new StoreException("column " + column + " holds an unknown " + type.getSimpleName() + ": " + name, e);
        }
    }

    /** A non-null column holding an ISO-8601 duration such as {@code PT720H}. */
    static Duration duration(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        if (text == null) {
            throw new StoreException("column " + column + " is unexpectedly NULL");
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeException e) {
            throw new StoreException("column " + column + " holds no ISO-8601 duration: " + text, e);
        }
    }

    /** A nullable column holding a time-zone id. */
    static Optional<ZoneId> optionalZone(ResultSet rs, String column) throws SQLException {
        String id = rs.getString(column);
        try {
            return Optional.ofNullable(id).map(ZoneId::of);
        } catch (DateTimeException e) {
            throw new StoreException("column " + column + " holds an unknown time zone: " + id, e);
        }
    }
}
