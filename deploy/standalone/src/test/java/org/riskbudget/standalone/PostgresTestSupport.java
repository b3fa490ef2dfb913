package org.riskbudget.standalone;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC for the PostgreSQL tests. */
final class PostgresTestSupport {

    private PostgresTestSupport() {
    }

    static Connection connect(EmbeddedPostgresServer server, String database) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(database), server.username(), server.password());
    }

    static void execute(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection connection = connect(server, "postgres"); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static List<String> queryStrings(EmbeddedPostgresServer server, String database, String sql) throws SQLException {
        try (Connection connection = connect(server, database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
