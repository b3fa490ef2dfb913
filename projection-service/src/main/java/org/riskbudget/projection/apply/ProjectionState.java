package org.riskbudget.projection.apply;

import static org.riskbudget.projection.storage.SqlTime.utc;

import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The read model's rebuild generation. A rebuild bumps it and empties the read model in one transaction; every
 * batch checks it under a shared lock in its own transaction, so no batch read from old offsets can land in a
 * rebuilt read model, and every consumer that sees a new generation replays from the beginning of the topic.
 */
@Component
public class ProjectionState {

    /** Everything the events build; projection_state itself survives, it is what tells the consumers. */
    private static final String TRUNCATE = "TRUNCATE regime_budget, company_account, safety_case, transfer,"
            + " regime_history, company_movement, projection_gap";

    private final JdbcTemplate jdbc;

    ProjectionState(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long generation() {
        return jdbc.queryForObject("SELECT rebuild_generation FROM projection_state WHERE id = 1", Long.class);
    }

    /** The generation, held until the caller's transaction ends, so a rebuild waits for the batch in flight. */
    public long lockedGeneration() {
        return jdbc.queryForObject("SELECT rebuild_generation FROM projection_state WHERE id = 1 FOR SHARE",
                Long.class);
    }

    /** Empties the read model under a new generation; call in a transaction. */
    public long reset(Instant now) {
        Long generation = jdbc.queryForObject("UPDATE projection_state SET rebuild_generation = rebuild_generation"
                + " + 1, rebuilt_at = ? WHERE id = 1 RETURNING rebuild_generation", Long.class, utc(now));
        jdbc.execute(TRUNCATE);
        return generation;
    }
}
