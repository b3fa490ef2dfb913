package org.riskbudget.contracts.api;

import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.command.TransferBudgetCommand;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.ids.TransferId;
import org.riskbudget.contracts.risk.Ppb;

/** Body of {@code POST /regimes/{r}/transfers}; without a {@code transferId} the ledger generates one. */
public record TransferRequest(TransferId transferId, CompanyId fromCompanyId, CompanyId toCompanyId, Ppb amountPpb,
        String reference) {

    public TransferBudgetCommand toCommand(RegimeId regimeId, TransferId generatedId, Actor actor) {
        return new TransferBudgetCommand(regimeId, transferId == null ? generatedId : transferId, fromCompanyId,
                toCompanyId, amountPpb, reference, actor);
    }
}
