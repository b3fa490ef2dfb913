package org.riskbudget.projection.company;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.view.CompanyAccountView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Company accounts as the read model holds them now. */
@Component
class CompanyQueries {

    private final JdbcTemplate jdbc;

    CompanyQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean regimeExists(RegimeId regimeId) {
        return !jdbc.queryForList("SELECT 1 FROM regime_budget WHERE regime_id = ?", Integer.class, regimeId.value())
                .isEmpty();
    }

    /** Up to {@code rows} accounts by company id, after the given id. */
    List<CompanyAccountView> companies(RegimeId regimeId, String afterCompanyId, int rows) {
        return jdbc.query("SELECT * FROM company_account WHERE regime_id = ? AND company_id > ?"
                + " ORDER BY company_id LIMIT ?", (row, index) -> account(row), regimeId.value(),
                afterCompanyId == null ? "" : afterCompanyId, rows);
    }

    Optional<CompanyAccountView> company(RegimeId regimeId, CompanyId companyId) {
        return jdbc.query("SELECT * FROM company_account WHERE regime_id = ? AND company_id = ?",
                (row, index) -> account(row), regimeId.value(), companyId.value()).stream().findFirst();
    }

    private static CompanyAccountView account(ResultSet row) throws SQLException {
        return CompanyAccounts.view(CompanyId.of(row.getString("company_id")), row.getString("name"),
                row.getLong("allocated_ppb"), row.getLong("net_transferred_ppb"), row.getLong("available_ppb"),
                row.getLong("reserved_ppb"), row.getLong("spent_ppb"));
    }
}
