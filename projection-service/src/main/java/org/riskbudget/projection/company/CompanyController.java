package org.riskbudget.projection.company;

import static org.riskbudget.projection.http.QueryParameters.AFTER;
import static org.riskbudget.projection.http.QueryParameters.LIMIT;
import static org.riskbudget.projection.http.QueryParameters.MIN_SEQUENCE;

import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.error.LedgerException;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.view.CompanyAccountView;
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

/** {@code GET /regimes/{r}/companies} and {@code GET /regimes/{r}/companies/{c}}. */
@RestController
@RequestMapping("/api/v1/regimes/{regimeId}/companies")
class CompanyController {

    private final CompanyQueries queries;
    private final AppliedSequences applied;

    CompanyController(CompanyQueries queries, AppliedSequences applied) {
        this.queries = queries;
        this.applied = applied;
    }

    @Refuses(LedgerErrorCode.NOT_FOUND)
    @GetMapping
    Page<CompanyAccountView> companies(@PathVariable String regimeId,
            @RequestParam(name = LIMIT, required = false) String limit,
            @RequestParam(name = AFTER, required = false) String after,
            @RequestParam(name = MIN_SEQUENCE, required = false) String minSequence) {
        RegimeId regime = QueryParameters.regimeId(regimeId);
        int rows = QueryParameters.limit(limit);
        String afterId = QueryParameters.afterId(after);
        applied.await(regime, QueryParameters.minSequence(minSequence));
        return page(regime, afterId, rows);
    }

    @Refuses(LedgerErrorCode.NOT_FOUND)
    @GetMapping("/{companyId}")
    CompanyAccountView company(@PathVariable String regimeId, @PathVariable String companyId,
            @RequestParam(name = MIN_SEQUENCE, required = false) String minSequence) {
        RegimeId regime = QueryParameters.regimeId(regimeId);
        CompanyId company = QueryParameters.companyId(companyId);
        applied.await(regime, QueryParameters.minSequence(minSequence));
        return queries.company(regime, company).orElseThrow(() -> new LedgerException(LedgerErrorCode.NOT_FOUND,
                "company " + company.value() + " is not registered in regime " + regime.value()));
    }

    private Page<CompanyAccountView> page(RegimeId regime, String afterId, int rows) {
        if (!queries.regimeExists(regime)) {
            throw new LedgerException(LedgerErrorCode.NOT_FOUND, "regime " + regime.value() + " does not exist");
        }
        return Pages.of(queries.companies(regime, afterId, rows + 1), rows,
                account -> QueryParameters.cursor(account.companyId().value()));
    }
}
