package org.riskbudget.contracts.command;

import org.riskbudget.contracts.Require;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.risk.Ppb;

/** Moves budget from the regime's pool to a company. */
public record AllocateBudgetCommand(RegimeId regimeId, CompanyId companyId, Ppb amountPpb, Actor actor) implements LedgerCommand {

    public AllocateBudgetCommand {
        Require.present("regimeId", regimeId);
        Require.present("companyId", companyId);
        Ppb.requireAmount("amountPpb", amountPpb);
        Require.present("actor", actor);
    }
}
