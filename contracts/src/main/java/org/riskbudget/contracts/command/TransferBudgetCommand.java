package org.riskbudget.contracts.command;

import org.riskbudget.contracts.Require;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.ids.TransferId;
import org.riskbudget.contracts.risk.Ppb;

/** A trade: moves budget between two companies, or holds it for approval when the policy asks. */
public record TransferBudgetCommand(RegimeId regimeId, TransferId transferId, CompanyId fromCompanyId, CompanyId toCompanyId, Ppb amountPpb,
        String reference, Actor actor) implements LedgerCommand {

    public TransferBudgetCommand {
        Require.present("regimeId", regimeId);
        Require.present("transferId", transferId);
        Require.present("fromCompanyId", fromCompanyId);
        Require.present("toCompanyId", toCompanyId);
        if (fromCompanyId.equals(toCompanyId)) {
            throw new IllegalArgumentException("toCompanyId must differ from fromCompanyId");
        }
        Ppb.requireAmount("amountPpb", amountPpb);
        Require.optionalText("reference", reference, 500);
        Require.present("actor", actor);
    }
}
