package org.riskbudget.ledger.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.riskbudget.contracts.ids.RegimeId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A regime's events exactly as they were written to the event store: the bytes the chain hashes were computed
 * over, before any upcasting. Read with a cursor so a log of any size streams in bounded memory.
 */
@Repository
class StoredEvents {

    private static final int FETCH_SIZE = 500;
    private static final byte NEWLINE = '\n';

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    StoredEvents(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    boolean exist(RegimeId regimeId) {
        Integer found = jdbc.queryForObject(
                "SELECT count(*) FROM (SELECT 1 FROM domainevententry WHERE aggregateidentifier = ? LIMIT 1) AS first",
                Integer.class, regimeId.value());
        return found != null && found > 0;
    }

    /**
     * Writes the events with regime sequence {@code from} to {@code to}, inclusive, one JSON document per line.
     * PostgreSQL streams rows with a cursor only inside a transaction, hence the read-only one.
     */
    void writeLines(RegimeId regimeId, long from, long to, OutputStream out) {
        readOnly.executeWithoutResult(status -> jdbc.query("""
                        SELECT payload FROM domainevententry
                        WHERE aggregateidentifier = ? AND sequencenumber BETWEEN ? AND ?
                        ORDER BY sequencenumber""",
                row -> {
                    try {
                        out.write(row.getBytes(1));
                        out.write(NEWLINE);
                    } catch (IOException e) {
                        throw new UncheckedIOException("the client stopped reading the audit log", e);
                    }
                },
                regimeId.value(), from - 1, to - 1));
    }
}
