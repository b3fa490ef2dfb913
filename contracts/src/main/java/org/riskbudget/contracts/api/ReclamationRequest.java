package org.riskbudget.contracts.api;

import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.command.ReclaimBudgetCommand;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.risk.Ppb;

/** Body of {@code POST /regimes/{r}/reclamations}. */
public record ReclamationRequest(CompanyId companyId, Ppb amountPpb, String reason) {

    public ReclaimBudgetCommand toCommand(RegimeId regimeId, Actor actor) {
        return new ReclaimBudgetCommand(regimeId, companyId, amountPpb, reason, actor);
    }
}
