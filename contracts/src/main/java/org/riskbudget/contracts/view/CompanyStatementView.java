package org.riskbudget.contracts.view;

import java.time.Instant;
import java.util.List;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;

/**
 * A company's statement up to {@code asOf}: its account at that time, the movements that led there (a bounded
 * page, {@code next} is the cursor for more), and the regime's last event at that time ({@code sequence} and its
 * {@code chainHash}), so the statement can be checked against the exported audit log.
 */
public record CompanyStatementView(RegimeId regimeId, CompanyId companyId, Instant asOf, CompanyAccountView account,
        List<StatementLine> lines, String next, long sequence, String chainHash) {}
