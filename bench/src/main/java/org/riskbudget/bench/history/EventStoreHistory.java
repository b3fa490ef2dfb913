package org.riskbudget.bench.history;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.riskbudget.bench.harness.Progress;
import org.riskbudget.contracts.event.LedgerEvent;

/**
 * Writes a regime's history straight into ledger-service's event store (its {@code domainevententry} table), in
 * the rows Axon's JDBC engine writes: aggregate type {@code Regime}, Axon's sequence numbers from 0 (the regime's
 * sequence minus one), the event's JSON as payload with its class and revision, and metadata with a trace and
 * correlation id as a command over HTTP leaves (so rows are as large as real ones). Only
 * while the ledger is stopped: the ledger would otherwise race it for sequence numbers.
 */
public final class EventStoreHistory {

    private static final int BATCH = 1000;
    private static final String PUBLISHER = "kafka-publisher";
    /** The position in Axon's gap-aware token, {@code {"index":229,"gaps":[]}}, as its Jackson serializer writes it. */
    private static final Pattern INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");
    /** Axon's stored timestamps: ISO-8601 in UTC with milliseconds. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private EventStoreHistory() {}

    /** Inserts every event of {@code history}, committing every thousand; answers the seconds it took. */
    public static double insert(Connection connection, RegimeHistory history, long events) throws SQLException {
        long startNs = System.nanoTime();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        long written = 0;
        long reportNs = startNs;
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                    payload, payloadrevision, payloadtype, timestamp)
                VALUES (?, ?, 'Regime', ?, ?, ?, ?, ?, ?)""")) {
            while (history.hasNext()) {
                LedgerEvent event = history.next();
                insert.setString(1, history.regimeId());
                insert.setLong(2, event.sequence() - 1);
                String id = UUID.randomUUID().toString();
                insert.setString(3, id);
                insert.setBytes(4, ("{\"traceId\":\"" + id + "\",\"correlationId\":\"" + id + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
                insert.setBytes(5, StoredForm.json(event));
                insert.setString(6, StoredForm.revision(event));
                insert.setString(7, event.getClass().getName());
                insert.setString(8, TIMESTAMP.format(event.occurredAt()));
                insert.addBatch();
                if (++written % BATCH == 0) {
                    insert.executeBatch();
                    connection.commit();
                }
                if (System.nanoTime() - reportNs > 5_000_000_000L) {
                    reportNs = System.nanoTime();
                    Progress.line("footprint", "event store: %,d of %,d events written", written, events);
                }
            }
            insert.executeBatch();
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return (System.nanoTime() - startNs) / 1e9;
    }

    /**
     * Moves the publisher's tracking token past the inserted events: as if the ledger had published them when it
     * stored them, as it does. Otherwise the restarted ledger would spend the measured load publishing a million
     * events. Fails unless the token is the gap-aware token this expects (the ledger must have published before).
     *
     * @return the global index the token was at, and now is at
     */
    public static long[] markPublished(Connection connection) throws SQLException {
        long head;
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT max(globalindex) FROM domainevententry")) {
            row.next();
            head = row.getLong(1);
        }
        String token;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT token, tokentype FROM tokenentry WHERE processorname = ? AND segment = 0")) {
            query.setString(1, PUBLISHER);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("the ledger has no " + PUBLISHER + " token yet");
                }
                token = new String(row.getBytes(1), StandardCharsets.UTF_8);
                if (!"org.axonframework.eventhandling.GapAwareTrackingToken".equals(row.getString(2))) {
                    throw new IllegalStateException("unexpected token type " + row.getString(2) + ": " + token);
                }
            }
        }
        Matcher index = INDEX.matcher(token);
        if (!index.find()) {
            throw new IllegalStateException("unexpected token " + token);
        }
        long was = Long.parseLong(index.group(1));
        String advanced = index.replaceFirst("\"index\":" + head);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE tokenentry SET token = ? WHERE processorname = ? AND segment = 0")) {
            update.setBytes(1, advanced.getBytes(StandardCharsets.UTF_8));
            update.setString(2, PUBLISHER);
            update.executeUpdate();
        }
        return new long[] {was, head};
    }
}
