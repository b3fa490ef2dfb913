package org.riskbudget.projection.budget;

import static org.riskbudget.projection.storage.SqlTime.instant;
import static org.riskbudget.projection.storage.SqlTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.view.RegimeBudgetView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Budgets from the regime rows, and past budgets from the regime's history. */
@Component
class BudgetQueries {

    private final JdbcTemplate jdbc;

    BudgetQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code rows} budgets by regime id, after the given id. */
    List<RegimeBudgetView> regimes(String afterRegimeId, int rows) {
        return jdbc.query("SELECT * FROM regime_budget WHERE regime_id > ? ORDER BY regime_id LIMIT ?",
                (row, index) -> current(row), afterRegimeId == null ? "" : afterRegimeId, rows);
    }

    Optional<RegimeBudgetView> current(RegimeId regimeId) {
        return jdbc.query("SELECT * FROM regime_budget WHERE regime_id = ?", (row, index) -> current(row),
                regimeId.value()).stream().findFirst();
    }

    /** The budget after the regime's last event at or before {@code asOf}; empty before the regime was opened. */
    Optional<RegimeBudgetView> asOf(RegimeId regimeId, Instant asOf) {
        return jdbc.query("""
                SELECT b.name, b.cap_ppb, h.pool_ppb, h.reserved_ppb, h.spent_ppb, h.sequence, h.hash
                FROM regime_history h JOIN regime_budget b ON b.regime_id = h.regime_id
                WHERE h.regime_id = ? AND h.occurred_at <= ?
                ORDER BY h.sequence DESC LIMIT 1""",
                (row, index) -> RegimeBudgets.view(regimeId, row.getString("name"), row.getLong("cap_ppb"),
                        row.getLong("pool_ppb"), row.getLong("reserved_ppb"), row.getLong("spent_ppb"),
                        row.getLong("sequence"), asOf, row.getString("hash")),
                regimeId.value(), utc(asOf)).stream().findFirst();
    }

    private static RegimeBudgetView current(ResultSet row) throws SQLException {
        return RegimeBudgets.view(RegimeId.of(row.getString("regime_id")), row.getString("name"),
                row.getLong("cap_ppb"), row.getLong("pool_ppb"), row.getLong("reserved_ppb"),
                row.getLong("spent_ppb"), row.getLong("last_sequence"), instant(row, "updated_at"),
                row.getString("last_hash"));
    }
}
