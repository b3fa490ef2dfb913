package org.riskbudget.ledger.idempotency;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import org.riskbudget.contracts.api.CommandResult;
import org.riskbudget.contracts.json.LedgerJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Idempotency records, written on the connection of the command's own transaction. Claiming a key inserts its row
 * first: a concurrent request with the same key then waits on that row's lock until the first commits (and finds
 * its answer) or rolls back (and claims the key itself), so a command never runs twice for one key.
 */
@Repository
class IdempotencyStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    IdempotencyStore(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** Claims the key, or returns the record that already holds it. */
    Optional<Recorded> claim(IdempotencyKey key) {
        int inserted = jdbc.sql("""
                        INSERT INTO idempotency_record (principal, idempotency_key, request_hash)
                        VALUES (:principal, :key, :hash) ON CONFLICT DO NOTHING""")
                .param("principal", key.principal())
                .param("key", key.key())
                .param("hash", key.requestHash())
                .update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("""
                        SELECT request_hash, result_type, result_json FROM idempotency_record
                        WHERE principal = :principal AND idempotency_key = :key""")
                .param("principal", key.principal())
                .param("key", key.key())
                .query((row, number) -> new StoredAnswer(row.getString(1), row.getString(2), row.getString(3)))
                .single());
    }

    /** Stores the answers into the records their commands claimed in this transaction. */
    void complete(Collection<AnswersToStore.Answer> answers) {
        if (answers.isEmpty()) {
            return;
        }
        int[] updated = batches.batchUpdate("""
                        UPDATE idempotency_record SET result_type = ?, result_json = ?
                        WHERE principal = ? AND idempotency_key = ?""",
                answers.stream().map(answer -> new Object[] {answer.result().getClass().getName(),
                    LedgerJson.mapper().writeValueAsString(answer.result()), answer.key().principal(),
                    answer.key().key()}).toList());
        if (Arrays.stream(updated).anyMatch(count -> count != 1)) {
            throw new IllegalStateException("an answered command's idempotency record was not claimed");
        }
    }

    /** An answer recorded for a key, with the hash of the request it answered. */
    interface Recorded {

        String requestHash();

        CommandResult result();
    }

    record StoredAnswer(String requestHash, String resultType, String resultJson) implements Recorded {

        @Override
        public CommandResult result() {
            try {
                Class<?> type = Class.forName(resultType);
                if (!CommandResult.class.isAssignableFrom(type)) {
                    throw new IllegalStateException("stored answer of unexpected type " + resultType);
                }
                return (CommandResult) LedgerJson.mapper().readValue(resultJson, type);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("stored answer of unknown type " + resultType, e);
            }
        }
    }
}
