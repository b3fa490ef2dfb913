package org.riskbudget.projection.history;

import static org.riskbudget.projection.storage.SqlTime.instant;
import static org.riskbudget.projection.storage.SqlTime.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.view.BurnDownPoint;
import org.riskbudget.contracts.view.CompanyAccountView;
import org.riskbudget.contracts.view.StatementLine;
import org.riskbudget.projection.budget.RegimeBudgets;
import org.riskbudget.projection.company.CompanyAccounts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of the regime history and the company movements. */
@Component
class HistoryQueries {

    /** The regime's last event at some point: where a statement stands in the audit chain. */
    record ChainPoint(long sequence, String hash, Instant occurredAt) {}

    private final JdbcTemplate jdbc;

    HistoryQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> capPpb(RegimeId regimeId) {
        return jdbc.queryForList("SELECT cap_ppb FROM regime_budget WHERE regime_id = ?", Long.class,
                regimeId.value()).stream().findFirst();
    }

    /** Up to {@code rows} points of the burn-down, by sequence, after the given one. */
    List<BurnDownPoint> burnDown(RegimeId regimeId, long capPpb, long afterSequence, int rows) {
        return jdbc.query("SELECT * FROM regime_history WHERE regime_id = ? AND sequence > ?"
                + " ORDER BY sequence LIMIT ?", (row, index) -> {
                    long poolPpb = row.getLong("pool_ppb");
                    long reservedPpb = row.getLong("reserved_ppb");
                    long spentPpb = row.getLong("spent_ppb");
                    return new BurnDownPoint(row.getLong("sequence"), instant(row, "occurred_at"), Ppb.of(spentPpb),
                            Ppb.of(reservedPpb), Ppb.of(RegimeBudgets.remainingPpb(capPpb, reservedPpb, spentPpb)),
                            Ppb.of(RegimeBudgets.allocatedPpb(capPpb, poolPpb)));
                }, regimeId.value(), afterSequence, rows);
    }

    /** The regime's last event at or before {@code asOf}, or its last event when {@code asOf} is null. */
    Optional<ChainPoint> chainPoint(RegimeId regimeId, Instant asOf) {
        if (asOf == null) {
            return jdbc.query("SELECT last_sequence, last_hash, updated_at FROM regime_budget WHERE regime_id = ?",
                    (row, index) -> new ChainPoint(row.getLong(1), row.getString(2), instant(row, "updated_at")),
                    regimeId.value()).stream().findFirst();
        }
        return jdbc.query("SELECT sequence, hash FROM regime_history WHERE regime_id = ? AND occurred_at <= ?"
                + " ORDER BY sequence DESC LIMIT 1", (row, index) -> new ChainPoint(row.getLong(1), row.getString(2),
                        asOf), regimeId.value(), utc(asOf)).stream().findFirst();
    }

    /** The company's account right after the regime's event {@code atSequence}; empty if not yet registered. */
    Optional<CompanyAccountView> accountAt(RegimeId regimeId, CompanyId companyId, long atSequence) {
        return jdbc.query("""
                SELECT a.name, m.* FROM company_movement m
                JOIN company_account a ON a.regime_id = m.regime_id AND a.company_id = m.company_id
                WHERE m.regime_id = ? AND m.company_id = ? AND m.sequence <= ?
                ORDER BY m.sequence DESC LIMIT 1""",
                (row, index) -> CompanyAccounts.view(companyId, row.getString("name"), row.getLong("allocated_ppb"),
                        row.getLong("net_transferred_ppb"), row.getLong("available_ppb"),
                        row.getLong("reserved_ppb"), row.getLong("spent_ppb")),
                regimeId.value(), companyId.value(), atSequence).stream().findFirst();
    }

    /** Up to {@code rows} statement lines by sequence, after {@code afterSequence}, up to {@code atSequence}. */
    List<StatementLine> lines(RegimeId regimeId, CompanyId companyId, long afterSequence, long atSequence,
            int rows) {
        return jdbc.query("""
                SELECT m.*, h.occurred_at, h.event_type, h.hash FROM company_movement m
                JOIN regime_history h ON h.regime_id = m.regime_id AND h.sequence = m.sequence
                WHERE m.regime_id = ? AND m.company_id = ? AND m.sequence > ? AND m.sequence <= ?
                ORDER BY m.sequence LIMIT ?""",
                (row, index) -> new StatementLine(row.getLong("sequence"), instant(row, "occurred_at"),
                        row.getString("event_type"), Ppb.of(row.getLong("available_ppb")),
                        Ppb.of(row.getLong("reserved_ppb")), Ppb.of(row.getLong("spent_ppb")), row.getString("hash")),
                regimeId.value(), companyId.value(), afterSequence, atSequence, rows);
    }
}
