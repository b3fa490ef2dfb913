package org.riskbudget.contracts.command;

import org.riskbudget.contracts.Require;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;

/** Registers a company in a regime, with nothing allocated yet. */
public record RegisterCompanyCommand(RegimeId regimeId, CompanyId companyId, String name, Actor actor) implements LedgerCommand {

    public RegisterCompanyCommand {
        Require.present("regimeId", regimeId);
        Require.present("companyId", companyId);
        Require.text("name", name, 200);
        Require.present("actor", actor);
    }
}
