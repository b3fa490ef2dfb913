package org.riskbudget.contracts.command;

import org.riskbudget.contracts.Require;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.risk.Ppb;

/** Moves budget from a company's available balance back to the pool. */
public record ReclaimBudgetCommand(RegimeId regimeId, CompanyId companyId, Ppb amountPpb, String reason, Actor actor) implements LedgerCommand {

    public ReclaimBudgetCommand {
        Require.present("regimeId", regimeId);
        Require.present("companyId", companyId);
        Ppb.requireAmount("amountPpb", amountPpb);
        Require.text("reason", reason, 2000);
        Require.present("actor", actor);
    }
}
