package org.riskbudget.projection.history;

import static org.riskbudget.projection.http.QueryParameters.AFTER;
import static org.riskbudget.projection.http.QueryParameters.AS_OF;
import static org.riskbudget.projection.http.QueryParameters.LIMIT;
import static org.riskbudget.projection.http.QueryParameters.MIN_SEQUENCE;

import java.time.Instant;
import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.error.LedgerException;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.view.BurnDownPoint;
import org.riskbudget.contracts.view.CompanyStatementView;
import org.riskbudget.contracts.view.Page;
import org.riskbudget.projection.freshness.AppliedSequences;
import org.riskbudget.projection.http.Pages;
import org.riskbudget.projection.http.QueryParameters;
import org.riskbudget.projection.http.Refuses;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /regimes/{r}/burn-down} and {@code GET /regimes/{r}/companies/{c}/statement[?asOf=]}. */
@RestController
@RequestMapping("/api/v1/regimes/{regimeId}")
class HistoryController {

    private final HistoryQueries queries;
    private final Statements statements;
    private final AppliedSequences applied;

    HistoryController(HistoryQueries queries, Statements statements, AppliedSequences applied) {
        this.queries = queries;
        this.statements = statements;
        this.applied = applied;
    }

    @Refuses(LedgerErrorCode.NOT_FOUND)
    @GetMapping("/burn-down")
    Page<BurnDownPoint> burnDown(@PathVariable String regimeId,
            @RequestParam(name = LIMIT, required = false) String limit,
            @RequestParam(name = AFTER, required = false) String after,
            @RequestParam(name = MIN_SEQUENCE, required = false) String minSequence) {
        RegimeId regime = QueryParameters.regimeId(regimeId);
        int rows = QueryParameters.limit(limit);
        long afterSequence = QueryParameters.afterSequence(after);
        applied.await(regime, QueryParameters.minSequence(minSequence));
        long capPpb = queries.capPpb(regime).orElseThrow(() -> regimeNotFound(regime));
        return Pages.of(queries.burnDown(regime, capPpb, afterSequence, rows + 1), rows,
                point -> QueryParameters.cursor(point.sequence()));
    }

    @Refuses({LedgerErrorCode.NOT_FOUND, LedgerErrorCode.FORBIDDEN})
    @GetMapping("/companies/{companyId}/statement")
    CompanyStatementView statement(@PathVariable String regimeId, @PathVariable String companyId,
            @RequestParam(name = AS_OF, required = false) String asOf,
            @RequestParam(name = LIMIT, required = false) String limit,
            @RequestParam(name = AFTER, required = false) String after,
            @RequestParam(name = MIN_SEQUENCE, required = false) String minSequence) {
        RegimeId regime = QueryParameters.regimeId(regimeId);
        CompanyId company = QueryParameters.companyId(companyId);
        Instant at = QueryParameters.asOf(asOf);
        int rows = QueryParameters.limit(limit);
        long afterSequence = QueryParameters.afterSequence(after);
        applied.await(regime, QueryParameters.minSequence(minSequence));
        return statements.statement(regime, company, at, afterSequence, rows).orElseThrow(() ->
                new LedgerException(LedgerErrorCode.NOT_FOUND, "company " + company.value()
                        + " is not registered in regime " + regime.value() + (at == null ? "" : " at " + at)));
    }

    private static LedgerException regimeNotFound(RegimeId regime) {
        return new LedgerException(LedgerErrorCode.NOT_FOUND, "regime " + regime.value() + " does not exist");
    }
}
