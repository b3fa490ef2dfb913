package org.riskbudget.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** Flyway owns the schema (Boot 4 runs it only with its starter), and the schema guards the ledger's invariant. */
class StorageTest extends ProjectionServiceTest {

    @Test
    void migrationsRan() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE success AND version = '1'",
                Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM projection_state", Long.class)).isEqualTo(1);
    }

    @Test
    void everyIndexedIdentifierComparesBytewise() {
        // Any text column in a read model index with another collation: strcoll per comparison, slower replays.
        assertThat(jdbc.queryForList("""
                SELECT t.relname || '.' || a.attname FROM pg_index i
                    JOIN pg_class t ON t.oid = i.indrelid
                    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                    JOIN pg_collation c ON c.oid = a.attcollation
                WHERE t.relnamespace = 'public'::regnamespace AND t.relname <> 'flyway_schema_history'
                    AND c.collname <> 'C'""", String.class)).isEmpty();
    }

    @Test
    void anUnbalancedRegimeCannotBeStored() {
        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO regime_budget (regime_id, name, cap_ppb, pool_ppb, available_ppb, reserved_ppb, spent_ppb,
                    last_sequence, last_hash, opened_at, updated_at)
                VALUES ('unbalanced', 'x', 100, 100, 1, 0, 0, 1, repeat('0', 64), now(), now())"""))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
