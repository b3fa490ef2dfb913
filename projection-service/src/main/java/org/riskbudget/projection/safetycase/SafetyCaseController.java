package org.riskbudget.projection.safetycase;

import static org.riskbudget.projection.http.QueryParameters.AFTER;
import static org.riskbudget.projection.http.QueryParameters.COMPANY_ID;
import static org.riskbudget.projection.http.QueryParameters.LIMIT;
import static org.riskbudget.projection.http.QueryParameters.MIN_SEQUENCE;
import static org.riskbudget.projection.http.QueryParameters.STATUS;

import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.error.LedgerException;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.safetycase.CaseStatus;
import org.riskbudget.contracts.view.Page;
import org.riskbudget.contracts.view.SafetyCaseView;
import org.riskbudget.projection.freshness.AppliedSequences;
import org.riskbudget.projection.http.Pages;
import org.riskbudget.projection.http.QueryParameters;
import org.riskbudget.projection.http.Refuses;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /regimes/{r}/safety-cases[?status=&companyId=]} and {@code GET /regimes/{r}/safety-cases/{c}}. */
@RestController
@RequestMapping("/api/v1/regimes/{regimeId}/safety-cases")
class SafetyCaseController {

    private final SafetyCaseQueries queries;
    private final AppliedSequences applied;

    SafetyCaseController(SafetyCaseQueries queries, AppliedSequences applied) {
        this.queries = queries;
        this.applied = applied;
    }

    @Refuses(LedgerErrorCode.NOT_FOUND)
    @GetMapping
    Page<SafetyCaseView> cases(@PathVariable String regimeId,
            @RequestParam(name = STATUS, required = false) String status,
            @RequestParam(name = COMPANY_ID, required = false) String companyId,
            @RequestParam(name = LIMIT, required = false) String limit,
            @RequestParam(name = AFTER, required = false) String after,
            @RequestParam(name = MIN_SEQUENCE, required = false) String minSequence) {
        RegimeId regime = QueryParameters.regimeId(regimeId);
        CaseStatus statusFilter = QueryParameters.status(status);
        CompanyId companyFilter = QueryParameters.companyFilter(companyId);
        int rows = QueryParameters.limit(limit);
        String afterId = QueryParameters.afterId(after);
        applied.await(regime, QueryParameters.minSequence(minSequence));
        if (!queries.regimeExists(regime)) {
            throw new LedgerException(LedgerErrorCode.NOT_FOUND, "regime " + regime.value() + " does not exist");
        }
        return Pages.of(queries.cases(regime, statusFilter, companyFilter, afterId, rows + 1), rows,
                safetyCase -> QueryParameters.cursor(safetyCase.caseId().value()));
    }

    @Refuses(LedgerErrorCode.NOT_FOUND)
    @GetMapping("/{caseId}")
    SafetyCaseView safetyCase(@PathVariable String regimeId, @PathVariable String caseId,
            @RequestParam(name = MIN_SEQUENCE, required = false) String minSequence) {
        RegimeId regime = QueryParameters.regimeId(regimeId);
        CaseId safetyCase = QueryParameters.caseId(caseId);
        applied.await(regime, QueryParameters.minSequence(minSequence));
        return queries.safetyCase(regime, safetyCase).orElseThrow(() -> new LedgerException(
                LedgerErrorCode.NOT_FOUND, "case " + safetyCase.value() + " does not exist in regime "
                        + regime.value()));
    }
}
