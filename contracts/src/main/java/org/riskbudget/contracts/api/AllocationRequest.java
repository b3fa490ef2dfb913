package org.riskbudget.contracts.api;

import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.command.AllocateBudgetCommand;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.risk.Ppb;

/** Body of {@code POST /regimes/{r}/allocations}. */
public record AllocationRequest(CompanyId companyId, Ppb amountPpb) {

    public AllocateBudgetCommand toCommand(RegimeId regimeId, Actor actor) {
        return new AllocateBudgetCommand(regimeId, companyId, amountPpb, actor);
    }
}
