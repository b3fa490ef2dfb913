package org.riskbudget.projection.metrics;

import java.util.List;
import org.riskbudget.projection.budget.RegimeBudgets;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The figures the gauges show, read in two bounded queries: the most recently changed regimes, and the most
 * recently changed companies of those regimes. One row more than the limit is read, to tell whether some were left
 * out.
 */
@Component
class GaugedFigures {

    record RegimeFigures(String regimeId, long capPpb, long spentPpb, long remainingPpb) {}

    record CompanyFigures(String regimeId, String companyId, long availablePpb, long spentPpb) {}

    /** The figures of one reading; {@code truncated} when there were more regimes or companies than gauged. */
    record Reading(List<RegimeFigures> regimes, List<CompanyFigures> companies, boolean truncated) {}

    private final JdbcTemplate jdbc;

    GaugedFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Reading read(int maxRegimes, int maxCompanies) {
        List<RegimeFigures> regimes = jdbc.query("""
                SELECT regime_id, cap_ppb, reserved_ppb, spent_ppb FROM regime_budget
                ORDER BY updated_at DESC, regime_id LIMIT ?""",
                (row, index) -> new RegimeFigures(row.getString("regime_id"), row.getLong("cap_ppb"),
                        row.getLong("spent_ppb"), RegimeBudgets.remainingPpb(row.getLong("cap_ppb"),
                                row.getLong("reserved_ppb"), row.getLong("spent_ppb"))),
                maxRegimes + 1);
        List<CompanyFigures> companies = jdbc.query("""
                WITH gauged AS (
                    SELECT regime_id FROM regime_budget ORDER BY updated_at DESC, regime_id LIMIT ?)
                SELECT c.regime_id, c.company_id, c.available_ppb, c.spent_ppb
                FROM company_account c JOIN gauged g ON g.regime_id = c.regime_id
                ORDER BY c.updated_at DESC, c.regime_id, c.company_id LIMIT ?""",
                (row, index) -> new CompanyFigures(row.getString("regime_id"), row.getString("company_id"),
                        row.getLong("available_ppb"), row.getLong("spent_ppb")),
                maxRegimes, maxCompanies + 1);
        boolean truncated = regimes.size() > maxRegimes || companies.size() > maxCompanies;
        return new Reading(regimes.subList(0, Math.min(maxRegimes, regimes.size())),
                companies.subList(0, Math.min(maxCompanies, companies.size())), truncated);
    }
}
