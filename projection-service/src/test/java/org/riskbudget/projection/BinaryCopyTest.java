package org.riskbudget.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.riskbudget.projection.storage.BinaryCopy;
import org.riskbudget.projection.storage.SqlTime;
import org.springframework.jdbc.core.ConnectionCallback;

/** Rows appended with binary COPY read back exactly as the same values written with JDBC parameters. */
class BinaryCopyTest extends ProjectionServiceTest {

    private static final List<String> COLUMNS = List.of("id", "label", "amount", "at", "tags");

    private record Row(long id, String label, long amount, Instant at, List<String> tags) {}

    @Test
    void copiedRowsEqualInsertedRows() {
        Instant at = Instant.parse("2027-03-04T05:06:07.123456Z");
        List<Row> rows = List.of(new Row(1, "plain", 0, at, List.of()),
                new Row(2, "ünïcödé ✓", Long.MIN_VALUE, at.plusNanos(499), List.of("ünï", "✓")), // rounded down
                new Row(3, "", Long.MAX_VALUE, at.plusNanos(500), List.of("")), // rounded up
                new Row(4, "x".repeat(100_000), -1, Instant.parse("1999-12-31T23:59:59.999999500Z"),
                        List.of("y".repeat(70_000), "NULL", "a,b", "{}")),
                new Row(5, "before 1970", 42, Instant.parse("1969-07-20T20:17:40Z"), List.of("one")));

        List<List<Object>> copied = onOneConnection(connection -> {
            BinaryCopy.append(connection, "rows", COLUMNS, rows, (row, fields) -> fields.int8(row.id())
                    .text(row.label()).int8(row.amount()).timestamptz(row.at()).textArray(row.tags()));
            return contents(connection);
        });
        List<List<Object>> inserted = onOneConnection(connection -> {
            insert(connection, rows);
            return contents(connection);
        });

        assertThat(copied).hasSize(rows.size()).isEqualTo(inserted);
    }

    @Test
    void aDuplicateKeyFailsTheCopy() {
        Row row = new Row(1, "once", 1, Instant.EPOCH, List.of());
        assertThatThrownBy(() -> onOneConnection(connection -> {
            BinaryCopy.append(connection, "rows", COLUMNS, List.of(row, row), (r, fields) -> fields.int8(r.id())
                    .text(r.label()).int8(r.amount()).timestamptz(r.at()).textArray(r.tags()));
            return null;
        })).hasMessageContaining("duplicate key");
    }

    /** A temporary table lives in its session: create it, fill it and read it on one connection. */
    private <T> T onOneConnection(ConnectionCallback<T> work) {
        return jdbc.execute((ConnectionCallback<T>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TEMPORARY TABLE rows (id BIGINT PRIMARY KEY, label TEXT NOT NULL,"
                        + " amount BIGINT NOT NULL, at TIMESTAMPTZ NOT NULL, tags TEXT[] NOT NULL)");
            }
            try {
                return work.doInConnection(connection);
            } finally {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("DROP TABLE rows");
                }
            }
        });
    }

    private static void insert(Connection connection, List<Row> rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rows VALUES (?, ?, ?, ?, ?)")) {
            for (Row row : rows) {
                insert.setLong(1, row.id());
                insert.setString(2, row.label());
                insert.setLong(3, row.amount());
                insert.setObject(4, SqlTime.utc(row.at()));
                insert.setArray(5, connection.createArrayOf("text", row.tags().toArray()));
                insert.executeUpdate();
            }
        }
    }

    /** Every row as the server holds it: the instant as UTC text, so no driver conversion hides a difference. */
    private static List<List<Object>> contents(Connection connection) throws SQLException {
        List<List<Object>> contents = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT id, label, amount, (at AT TIME ZONE 'UTC')::text, tags::text, cardinality(tags)"
                                + " FROM rows ORDER BY id")) {
            while (result.next()) {
                contents.add(List.of(result.getLong(1), result.getString(2), result.getLong(3), result.getString(4),
                        result.getString(5), result.getInt(6)));
            }
        }
        return contents;
    }
}
