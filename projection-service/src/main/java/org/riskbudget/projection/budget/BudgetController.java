package org.riskbudget.projection.budget;

import static org.riskbudget.projection.http.QueryParameters.AFTER;
import static org.riskbudget.projection.http.QueryParameters.AS_OF;
import static org.riskbudget.projection.http.QueryParameters.LIMIT;
import static org.riskbudget.projection.http.QueryParameters.MIN_SEQUENCE;

import java.time.Instant;
import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.error.LedgerException;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.view.Page;
import org.riskbudget.contracts.view.RegimeBudgetView;
import org.riskbudget.projection.freshness.AppliedSequences;
import org.riskbudget.projection.http.Pages;
import org.riskbudget.projection.http.QueryParameters;
import org.riskbudget.projection.http.Refuses;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /regimes} and {@code GET /regimes/{r}/budget[?asOf=]}. */
@RestController
@RequestMapping("/api/v1/regimes")
class BudgetController {

    private final BudgetQueries queries;
    private final AppliedSequences applied;

    BudgetController(BudgetQueries queries, AppliedSequences applied) {
        this.queries = queries;
        this.applied = applied;
    }

    /** Every regime's budget, by regime id. No {@code minSequence}: a sequence belongs to one regime. */
    @GetMapping
    Page<RegimeBudgetView> regimes(@RequestParam(name = LIMIT, required = false) String limit,
            @RequestParam(name = AFTER, required = false) String after) {
        int rows = QueryParameters.limit(limit);
        return Pages.of(queries.regimes(QueryParameters.afterId(after), rows + 1), rows,
                budget -> QueryParameters.cursor(budget.regimeId().value()));
    }

    @Refuses(LedgerErrorCode.NOT_FOUND)
    @GetMapping("/{regimeId}/budget")
    RegimeBudgetView budget(@PathVariable String regimeId, @RequestParam(name = AS_OF, required = false) String asOf,
            @RequestParam(name = MIN_SEQUENCE, required = false) String minSequence) {
        RegimeId regime = QueryParameters.regimeId(regimeId);
        Instant at = QueryParameters.asOf(asOf);
        applied.await(regime, QueryParameters.minSequence(minSequence));
        return (at == null ? queries.current(regime) : queries.asOf(regime, at))
                .orElseThrow(() -> new LedgerException(LedgerErrorCode.NOT_FOUND, at == null
                        ? "regime " + regime.value() + " does not exist"
                        : "regime " + regime.value() + " did not exist at " + at));
    }
}
