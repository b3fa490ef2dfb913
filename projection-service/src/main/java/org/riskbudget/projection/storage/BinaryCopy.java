package org.riskbudget.projection.storage;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Appends rows to a table with {@code COPY … FROM STDIN (FORMAT binary)}: for the many rows a replay appends, far
 * less work for the server than multi-row INSERTs (no statement to parse and plan, no text to convert). It runs on
 * the caller's connection, so in its transaction, and a violated constraint fails it like an INSERT would.
 */
public final class BinaryCopy {

    /** Writes one row's fields, in the order of the columns given to {@link #append}. */
    public interface RowWriter<T> {
        void write(T row, BinaryCopy fields) throws IOException;
    }

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final int BUFFER_BYTES = 64 * 1024;
    /** The type of an array's elements is named by its OID: text's is fixed in PostgreSQL's catalogue. */
    private static final int TEXT_OID = 25;
    /** 2000-01-01T00:00:00Z, where PostgreSQL's binary timestamps count from. */
    private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;

    private final DataOutputStream out;

    private BinaryCopy(DataOutputStream out) {
        this.out = out;
    }

    /** Appends the rows to {@code table}. */
    public static <T> void append(Connection connection, String table, List<String> columns, Collection<T> rows,
            RowWriter<T> writer) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT binary)";
        PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), sql, BUFFER_BYTES);
        try {
            DataOutputStream out = new DataOutputStream(copy);
            out.write(SIGNATURE);
            out.writeInt(0); // flags: no OIDs
            out.writeInt(0); // no header extension
            BinaryCopy fields = new BinaryCopy(out);
            for (T row : rows) {
                out.writeShort(columns.size());
                writer.write(row, fields);
            }
            out.writeShort(-1); // end of data
            out.flush();
            copy.endCopy();
        } catch (IOException failed) {
            cancel(copy);
            // The driver reports the server's refusal (a duplicate key, say) as an IOException around it.
            if (failed.getCause() instanceof SQLException refused) {
                throw refused;
            }
            throw new UncheckedIOException(failed);
        } catch (SQLException | RuntimeException failed) {
            cancel(copy);
            throw failed;
        }
    }

    private static void cancel(PGCopyOutputStream copy) throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    /** TEXT, VARCHAR or CHAR: the characters as UTF-8, the server's encoding. */
    public BinaryCopy text(String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
        return this;
    }

    /** TEXT[]: a one-dimensional array (none when empty) of text elements, none of them null. */
    public BinaryCopy textArray(Collection<String> values) throws IOException {
        byte[][] elements = new byte[values.size()][];
        int bytes = 3 * Integer.BYTES + (elements.length == 0 ? 0 : 2 * Integer.BYTES);
        int i = 0;
        for (String value : values) {
            elements[i] = value.getBytes(StandardCharsets.UTF_8);
            bytes += Integer.BYTES + elements[i++].length;
        }
        out.writeInt(bytes);
        out.writeInt(elements.length == 0 ? 0 : 1); // dimensions
        out.writeInt(0); // no nulls
        out.writeInt(TEXT_OID);
        if (elements.length > 0) {
            out.writeInt(elements.length);
            out.writeInt(1); // lower bound
        }
        for (byte[] element : elements) {
            out.writeInt(element.length);
            out.write(element);
        }
        return this;
    }

    public BinaryCopy int8(long value) throws IOException {
        out.writeInt(Long.BYTES);
        out.writeLong(value);
        return this;
    }

    /**
     * TIMESTAMPTZ: microseconds since 2000-01-01 UTC, nanoseconds rounded half up to the microsecond, as the JDBC
     * driver sends an {@code OffsetDateTime}, so both ways of writing store the same value.
     */
    public BinaryCopy timestamptz(Instant value) throws IOException {
        long seconds = Math.subtractExact(value.getEpochSecond(), POSTGRES_EPOCH_SECOND);
        out.writeInt(Long.BYTES);
        out.writeLong(Math.addExact(Math.multiplyExact(seconds, 1_000_000L), (value.getNano() + 500) / 1000));
        return this;
    }
}
