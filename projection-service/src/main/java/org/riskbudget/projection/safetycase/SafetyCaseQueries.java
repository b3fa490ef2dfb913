package org.riskbudget.projection.safetycase;

import static org.riskbudget.projection.storage.SqlTime.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.safetycase.AiSystem;
import org.riskbudget.contracts.safetycase.CapabilityTier;
import org.riskbudget.contracts.safetycase.CaseFlag;
import org.riskbudget.contracts.safetycase.CaseStatus;
import org.riskbudget.contracts.safetycase.DeploymentWindow;
import org.riskbudget.contracts.view.SafetyCaseView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Safety cases as the read model holds them now. */
@Component
class SafetyCaseQueries {

    private final JdbcTemplate jdbc;

    SafetyCaseQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean regimeExists(RegimeId regimeId) {
        return !jdbc.queryForList("SELECT 1 FROM regime_budget WHERE regime_id = ?", Integer.class, regimeId.value())
                .isEmpty();
    }

    /** Up to {@code rows} cases by case id after the given one, optionally of one status and one company. */
    List<SafetyCaseView> cases(RegimeId regimeId, CaseStatus status, CompanyId companyId, String afterCaseId,
            int rows) {
        StringBuilder sql = new StringBuilder("SELECT * FROM safety_case WHERE regime_id = ? AND case_id > ?");
        List<Object> arguments = new ArrayList<>(List.of(regimeId.value(), afterCaseId == null ? "" : afterCaseId));
        if (status != null) {
            sql.append(" AND status = ?");
            arguments.add(status.name());
        }
        if (companyId != null) {
            sql.append(" AND company_id = ?");
            arguments.add(companyId.value());
        }
        sql.append(" ORDER BY case_id LIMIT ?");
        arguments.add(rows);
        return jdbc.query(sql.toString(), (row, index) -> safetyCase(row), arguments.toArray());
    }

    Optional<SafetyCaseView> safetyCase(RegimeId regimeId, CaseId caseId) {
        return jdbc.query("SELECT * FROM safety_case WHERE regime_id = ? AND case_id = ?",
                (row, index) -> safetyCase(row), regimeId.value(), caseId.value()).stream().findFirst();
    }

    private static SafetyCaseView safetyCase(ResultSet row) throws SQLException {
        return new SafetyCaseView(CaseId.of(row.getString("case_id")), CompanyId.of(row.getString("company_id")),
                new AiSystem(row.getString("system_name"), row.getString("system_version")),
                CapabilityTier.valueOf(row.getString("capability_tier")),
                new DeploymentWindow(instant(row, "window_from"), instant(row, "window_to")),
                CaseStatus.valueOf(row.getString("status")), Ppb.of(row.getLong("risk_ppb")),
                Ppb.of(row.getLong("charged_ppb")),
                texts(row, "flags").stream().map(CaseFlag::valueOf).toList(),
                texts(row, "depends_on").stream().map(CaseId::of).toList(),
                instant(row, "submitted_at"), instant(row, "updated_at"));
    }

    private static List<String> texts(ResultSet row, String column) throws SQLException {
        return Arrays.asList((String[]) row.getArray(column).getArray());
    }
}
