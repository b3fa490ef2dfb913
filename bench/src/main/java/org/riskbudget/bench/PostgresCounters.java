package org.riskbudget.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The server's cumulative counters that tell where a commit's time goes: transactions committed in one database,
 * and for the whole server WAL flushes (each an fsync with {@code synchronous_commit=on}), their total time and
 * the WAL bytes written. Two readings around a phase give its share.
 */
record PostgresCounters(long commits, long walSyncs, double walSyncMs, long walBytes) {

    static PostgresCounters read(BenchEnvironment environment, String database) {
        try (Connection connection = environment.connect("postgres")) {
            long commits;
            // Statistics are cached per transaction; a fresh connection per reading sees the current ones.
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT xact_commit FROM pg_stat_database WHERE datname = ?")) {
                query.setString(1, database);
                try (ResultSet row = query.executeQuery()) {
                    commits = row.next() ? row.getLong(1) : 0;
                }
            }
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery(
                            "SELECT wal_sync, wal_sync_time, wal_bytes FROM pg_stat_wal")) {
                row.next();
                return new PostgresCounters(commits, row.getLong(1), row.getDouble(2), row.getLong(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read PostgreSQL's statistics", e);
        }
    }

    PostgresCounters minus(PostgresCounters earlier) {
        return new PostgresCounters(commits - earlier.commits, walSyncs - earlier.walSyncs,
                walSyncMs - earlier.walSyncMs, walBytes - earlier.walBytes);
    }
}
