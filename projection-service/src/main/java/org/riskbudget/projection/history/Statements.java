package org.riskbudget.projection.history;

import java.time.Instant;
import java.util.Optional;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.view.CompanyAccountView;
import org.riskbudget.contracts.view.CompanyStatementView;
import org.riskbudget.contracts.view.Page;
import org.riskbudget.contracts.view.StatementLine;
import org.riskbudget.projection.http.Pages;
import org.riskbudget.projection.http.QueryParameters;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A company's statement: its account right after the regime's last event at {@code asOf}, the lines up to that
 * event, and that event's sequence and chain hash. Everything is read up to one sequence in one snapshot, so the
 * balances, the lines and the hash describe the same point of the audit log.
 */
@Component
class Statements {

    private final HistoryQueries queries;

    Statements(HistoryQueries queries) {
        this.queries = queries;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<CompanyStatementView> statement(RegimeId regimeId, CompanyId companyId, Instant asOf,
            long afterSequence, int rows) {
        return queries.chainPoint(regimeId, asOf).flatMap(point -> {
            Optional<CompanyAccountView> account = queries.accountAt(regimeId, companyId, point.sequence());
            return account.map(found -> {
                Page<StatementLine> lines = Pages.of(
                        queries.lines(regimeId, companyId, afterSequence, point.sequence(), rows + 1), rows,
                        line -> QueryParameters.cursor(line.sequence()));
                return new CompanyStatementView(regimeId, companyId, point.occurredAt(), found, lines.items(),
                        lines.next(), point.sequence(), point.hash());
            });
        });
    }
}
