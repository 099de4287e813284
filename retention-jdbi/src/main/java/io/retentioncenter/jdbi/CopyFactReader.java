package io.retentioncenter.jdbi;

import io.retentioncenter.core.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

/**
 * Reads a fact scan from PostgreSQL as {@code COPY (query) TO STDOUT} in the binary format, parsing
 * each row in place in one buffer. A cursor fetch makes the server wait while the driver decodes a
 * batch and the driver wait while the server produces the next; a copy streams, so the two work at
 * the same time. Times travel as the server's own eight-byte timestamps, which cost it nothing to
 * produce. Only loaded when pgjdbc is on the class path.
 */
final class CopyFactReader implements FactRow {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in microseconds from the Unix epoch. */
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private int rowStart;
    private int[] offsets = new int[16];
    private int[] lengths = new int[16];

    private CopyFactReader(InputStream in) {
        this.in = in;
    }

    /** Whether {@code connection} is pgjdbc's, which can copy. */
    static boolean supports(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class);
    }

    /**
     * Runs {@code copy} (a {@code COPY (...) TO STDOUT (FORMAT binary)} statement) on
     * {@code connection} and hands each row, mapped by {@code mapper}, to {@code sink}. When the sink
     * or the mapper fails, the rest of the copy is read and dropped before the failure is rethrown:
     * cancelling a copy midway leaves pgjdbc's connection out of step with the server, and the pool
     * would hand it to the next user.
     */
    static <T> void read(Connection connection, String copy, FactRow.Mapper<T> mapper, Consumer<? super T> sink)
            throws SQLException {
        try (PGCopyInputStream stream = new PGCopyInputStream(connection.unwrap(PGConnection.class), copy)) {
            CopyFactReader row = new CopyFactReader(stream);
            row.header();
            try {
                while (row.next()) {
                    sink.accept(mapper.map(row));
                }
            } catch (RuntimeException | SQLException e) {
                row.dropRest(e);
                throw e;
            }
            row.dropRest(null);
        } catch (IOException e) {
            throw new StoreException("reading a PostgreSQL copy failed: " + e.getMessage(), e, true);
        }
    }

    @Override
    public String text(int column) {
        int length = lengths[column - 1];
        return length < 0 ? null : new String(buffer, rowStart + offsets[column - 1], length, StandardCharsets.UTF_8);
    }

    @Override
    public long number(int column, long ifNull) {
        int at = rowStart + offsets[column - 1];
        return switch (lengths[column - 1]) {
            case -1 -> ifNull;
            case 2 -> (short) ((buffer[at] & 0xFF) << 8 | buffer[at + 1] & 0xFF);
            case 4 -> int4(at);
            case 8 -> int8(at);
            default -> throw new StoreException("column " + column + " is not a whole number of 2, 4 or 8 bytes");
        };
    }

    @Override
    public Instant time(int column) {
        int length = lengths[column - 1];
        if (length < 0) {
            return null;
        }
        if (length != 8) {
            throw new StoreException("column " + column + " is not a timestamp");
        }
        long micros = int8(rowStart + offsets[column - 1]);
        if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) {
            throw new StoreException("column " + column + " holds an infinite timestamp");
        }
        long unixMicros = micros + POSTGRES_EPOCH_MICROS;
        return Instant.ofEpochSecond(Math.floorDiv(unixMicros, 1_000_000L),
                Math.floorMod(unixMicros, 1_000_000L) * 1_000L);
    }

    private void header() throws IOException {
        require(SIGNATURE.length + 8);
        if (!Arrays.equals(buffer, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw new StoreException("a PostgreSQL copy did not start with the binary signature");
        }
        position = SIGNATURE.length + 4;
        int extension = int4(position);
        position += 4;
        require(extension);
        position += extension;
    }

    /** Reads the next row into the buffer; false at the trailer. */
    private boolean next() throws IOException {
        rowStart = position;
        require(2);
        int fields = (short) ((buffer[position] & 0xFF) << 8 | buffer[position + 1] & 0xFF);
        position += 2;
        if (fields == -1) {
            return false;
        }
        if (fields > offsets.length) {
            offsets = new int[fields];
            lengths = new int[fields];
        }
        for (int f = 0; f < fields; f++) {
            require(4);
            int length = int4(position);
            position += 4;
            offsets[f] = position - rowStart;
            lengths[f] = length;
            if (length > 0) {
                require(length);
                position += length;
            }
        }
        return true;
    }

    /**
     * Reads to the end of the copy, so that it completes instead of being cancelled; a failure while
     * doing so is added to {@code failure} when there is one.
     */
    private void dropRest(Exception failure) throws IOException {
        try {
            while (in.read(buffer, 0, buffer.length) >= 0) {
                // the trailer has been read, or the rest of the rows are not wanted
            }
        } catch (IOException | RuntimeException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }

    /** Makes {@code count} bytes from the position available, keeping the current row in the buffer. */
    private void require(int count) throws IOException {
        if (limit - position >= count) {
            return;
        }
        if (rowStart > 0) {
            System.arraycopy(buffer, rowStart, buffer, 0, limit - rowStart);
            position -= rowStart;
            limit -= rowStart;
            rowStart = 0;
        }
        if (buffer.length - position < count) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, position + count));
        }
        while (limit - position < count) {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                throw new StoreException("a PostgreSQL copy ended in the middle of a row");
            }
            limit += read;
        }
    }

    private int int4(int at) {
        return (buffer[at] & 0xFF) << 24 | (buffer[at + 1] & 0xFF) << 16 | (buffer[at + 2] & 0xFF) << 8
                | buffer[at + 3] & 0xFF;
    }

    private long int8(int at) {
        return (long) int4(at) << 32 | int4(at + 4) & 0xFFFF_FFFFL;
    }
}
